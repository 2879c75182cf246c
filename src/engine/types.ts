/**
 * The engine's vocabulary and its ports. The engine knows nothing of GitHub, terminals or HTTP:
 * doors hand it these small interfaces, and tests hand it fakes.
 */
import type { Step, Workflow } from '../config/schema.js';

// ---------------------------------------------------------------------------------------------
// Review contract (DESIGN.md "Review output")

export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  path: string;
  line: number;
  end_line?: number;
  severity: Severity;
  title: string;
  body: string;
  suggestion?: string;
}

/** `none`: no verdict (empty, refused, truncated or unreadable reply) — never a pass. */
export type ReviewStatus = 'pass' | 'revise' | 'none';

export interface ReviewOutcome {
  status: ReviewStatus;
  /**
   * Where the status came from: the plain status line, the JSON block, derived from a readable
   * findings block, or `none` (no verdict: see `noVerdictReason`).
   */
  statusSource: 'line' | 'json' | 'derived' | 'none';
  /** Why there is no verdict (status `none`), in words for the summary. */
  noVerdictReason?: string;
  /** Findings beyond the cap, not kept (the highest severities are kept first). */
  dropped?: { count: number; bySeverity: Partial<Record<Severity, number>> };
  findings: Finding[];
  /** Human-readable notes about what could not be read (never thrown). */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Models

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  /** `provider:model` as routed for the step's role. */
  model: string;
  role: string;
  stepId: string;
  messages: ChatMessage[];
  /** What the reply is for; the mock provider shapes its reply by it. */
  purpose?: 'review' | 'implement' | 'general';
  maxOutputTokens?: number;
  signal?: AbortSignal;
  /**
   * An agent's own request, forwarded by the model proxy (src/sandbox/model-proxy.ts): sent as
   * given instead of `messages` (which then holds its text, for counting and budgets).
   */
  raw?: RawChatPayload;
  /**
   * Text inside `messages` whose tokens the prompt's builder already counted (context blocks the
   * resolver had to count): its UTF-8 bytes, its tokens (at or above the count of every model
   * family but cl100k_base's) and how many pieces it is. The gateway bounds the rest of the
   * messages by their bytes instead of counting the prompt again.
   */
  counted?: CountedText;
}

/** The OpenAI-shaped parts of an agent's request the proxy forwards (tool calling included). */
export interface RawChatPayload {
  messages: unknown[];
  tools?: unknown[];
  tool_choice?: unknown;
  parallel_tool_calls?: boolean;
  temperature?: number;
  top_p?: number;
  stop?: unknown;
  response_format?: unknown;
}

/** A tool call the model made (OpenAI's shape). */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface CountedText {
  bytes: number;
  tokens: number;
  parts: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ChatResult {
  text: string;
  /** As reported by the API; undefined when the provider reported none. */
  usage?: TokenUsage;
  /** `provider:model` that answered (may differ from the request after a fallback). */
  model: string;
  mock: boolean;
  /** Why the model stopped (`stop`, `length`, `tool_calls`, `content_filter`), when it said. */
  finishReason?: string;
  /** Tool calls in the reply (only for `raw` requests that offered tools). */
  toolCalls?: ToolCall[];
}

/** The single gateway every model call goes through (usage is recorded there). */
export interface ModelClient {
  chat(request: ChatRequest, onDelta?: (chunk: string) => void): Promise<ChatResult>;
}

// ---------------------------------------------------------------------------------------------
// Context

export interface ContextBlock {
  /** The source as written in the workflow, e.g. `file:README.md`. */
  source: string;
  /** Short heading shown in the prompt. */
  title: string;
  /** Body text; rendered inside a fence unless it is a placeholder. */
  text: string;
  /** Fence info string (`diff`, `ts`, ...); empty for plain text. */
  language?: string;
  /** True when `text` is a placeholder note rather than content. */
  placeholder?: boolean;
  /** Untrusted text (PR title/body) is fenced and labelled as such. */
  untrusted?: boolean;
  /** For diff sources: what happened to each changed file when the context was fitted. */
  coverage?: FileCoverage[];
  /**
   * Tokens of `text` as the context resolver counted them, when it had to: at or above the count
   * of every model family the gateway knows but cl100k_base's (the larger of o200k_base's count
   * and chars / 3.5). The engine passes the sum on (ChatRequest.counted).
   */
  tokens?: number;
}

/** How much of one changed file a step saw. */
export interface FileCoverage {
  path: string;
  status: 'reviewed' | 'clipped' | 'skipped';
  /** Why it was clipped or skipped (generated file, over budget, binary, ...). */
  reason?: string;
  /**
   * Not a changed file but context a label brought in (`label "security"`): `path` is then the
   * source as written (`file:SECURITY.md`).
   */
  via?: string;
}

export interface ContextState {
  /** The latest implementation artifact of this run, for `latest_diff`. */
  latestArtifact?: ImplementationArtifact;
}

export interface ContextResolver {
  resolve(sources: readonly string[], state: ContextState): Promise<ContextBlock[]>;
}

// ---------------------------------------------------------------------------------------------
// Steps and results

export interface ImplementationArtifact {
  stepId: string;
  iteration: number;
  changedFiles: string[];
  diffStat: string;
  patch: string;
  /** Why nothing changed, when nothing did (mock mode, rejected patch, ...). */
  note?: string;
  /**
   * The patch was refused or rolled back: where, and by which rules (`deny`, `size`, `validator`,
   * ...), so a summary can say "refused by …" instead of "no files changed".
   */
  refusal?: { stage: string; rules: string[]; message: string };
}

export interface StepResult {
  stepId: string;
  role: string;
  /** 1-based pass number of this step within the run. */
  iteration: number;
  model: string;
  mock: boolean;
  output: string;
  review?: ReviewOutcome;
  artifact?: ImplementationArtifact;
  usage?: TokenUsage;
  durationMs: number;
  /** Changed files this step's diff context covered, when it had one. */
  coverage?: FileCoverage[];
}

export interface RenderedPrompt {
  system: string;
  user: string;
  /** Context in `user` whose tokens were already counted (ChatRequest.counted). */
  counted?: CountedText;
}

/** Edits the working tree for a step (`opencode`, `patch`). The `llm` backend needs none. */
export interface ImplementBackend {
  implement(input: {
    step: Step;
    prompt: RenderedPrompt;
    model: string;
    iteration: number;
    onDelta?: (chunk: string) => void;
  }): Promise<{
    output: string;
    artifact: ImplementationArtifact;
    usage?: TokenUsage;
    mock?: boolean;
  }>;
}

/** What the engine tells its door while running (terminal, job log, ...). All optional. */
export interface RunObserver {
  stepStarted?(info: {
    step: Step;
    iteration: number;
    model: string;
    index: number;
    total: number;
  }): void;
  delta?(stepId: string, chunk: string): void;
  stepFinished?(result: StepResult): void;
  notice?(message: string): void;
}

export interface LoopOutcome {
  stepId: string;
  backTo: string;
  iterations: number;
  maxIterations: number;
  /**
   * `passed`: review passed; `max_iterations`: ran out; `completed`: unconditional repeat done;
   * `not_converging`: stopped early because more iterations would not help.
   */
  outcome: 'passed' | 'max_iterations' | 'completed' | 'not_converging';
  /** For `not_converging`: why, and a report for the person taking over. */
  reason?: string;
  escalation?: string;
}

export interface RunState {
  /** Index of the next step to run. */
  nextStep: number;
  /** Completed passes per step id. */
  passes: Record<string, number>;
  /** Current loop iteration per repeat-controller step id. */
  loopIterations: Record<string, number>;
  results: StepResult[];
  loops: LoopOutcome[];
}

export interface RunResult {
  workflow: string;
  task: string;
  results: StepResult[];
  loops: LoopOutcome[];
  /** The review of the last step that produced one. */
  finalReview?: ReviewOutcome;
}

export interface EnginePorts {
  models: ModelClient;
  context: ContextResolver;
  /** `provider:model` for a role (overrides and defaults already applied). */
  routeModel(role: string): string;
  backends: Partial<Record<'opencode' | 'patch', ImplementBackend>>;
  observer?: RunObserver;
  clock?: () => number;
}

export interface RunInput {
  workflow: Workflow;
  task: string;
  /** Resume from a checkpoint's state instead of the start. */
  resume?: RunState;
}
