// Baseline for the ignored-event benchmark: a bundle that imports the libraries the action
// bundle imports (what dist/index.js would pay if it loaded everything up front) and does nothing.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import OpenAI from 'openai';
import { parse } from 'yaml';
import { z } from 'zod';
import parseDiff from 'parse-diff';

export const loaded = [core, github, retry, throttling, OpenAI, parse, z, parseDiff].length;
