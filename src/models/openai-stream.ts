/**
 * One streamed chat completion: text deltas to `onDelta`, tool-call fragments assembled, the
 * usage, service tier and finish reason from their chunks. Each gap between chunks is bounded by
 * an idle timer (the SDK stops timing once headers arrive). A stream cut before its finish is a
 * StreamCut (the caller may ask again); anything else a ModelError.
 */
import type { ChatRequest, TokenUsage, ToolCall } from '../engine/types.js';
import { ModelError } from './model-error.js';
import type { ResolvedProvider } from './providers.js';
import {
  abortedError,
  describeCause,
  idleTimeoutError,
  toModelError,
  type ErrorContext,
} from './openai-errors.js';
import { StreamCut, isStreamCut } from './openai-retry.js';
import type { LiveChatResult, OpenAIClient, OpenAIModule } from './openai-chat.js';

/** One streamed request; a cut stream is a StreamCut, anything else a ModelError. */
export async function streamOnce(
  openai: OpenAIClient,
  sdk: OpenAIModule,
  body: Record<string, unknown>,
  target: ResolvedProvider,
  request: ChatRequest,
  onDelta: ((chunk: string) => void) | undefined,
  info: ErrorContext,
): Promise<LiveChatResult> {
  const controller = new AbortController();
  const outer = request.signal;
  const forwardAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) forwardAbort();
  else outer?.addEventListener('abort', forwardAbort, { once: true });

  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimedOut = false;
  const armIdle = (): void => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimedOut = true;
      controller.abort();
    }, info.timeoutMs);
  };

  let text = '';
  let usage: TokenUsage | undefined;
  let serviceTier: string | undefined;
  let finishReason: string | undefined;
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  let streaming = false;
  try {
    const stream = await openai.chat.completions.create(
      body as unknown as Parameters<OpenAIClient['chat']['completions']['create']>[0] & {
        stream: true;
      },
      { signal: controller.signal },
    );
    streaming = true;
    armIdle();
    for await (const chunk of stream) {
      armIdle();
      const choice = chunk.choices?.[0];
      const content = choice?.delta?.content;
      if (typeof content === 'string' && content.length > 0) {
        text += content;
        onDelta?.(content);
      }
      for (const call of choice?.delta?.tool_calls ?? []) {
        const slot = (calls[call.index] ??= { id: '', name: '', arguments: '' });
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.name += call.function.name;
        if (call.function?.arguments) slot.arguments += call.function.arguments;
      }
      if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
      if (typeof chunk.service_tier === 'string') serviceTier = chunk.service_tier;
      if (chunk.usage) {
        usage = {
          inputTokens: chunk.usage.prompt_tokens ?? 0,
          outputTokens: chunk.usage.completion_tokens ?? 0,
        };
      }
    }
    // The SDK ends the iteration quietly when the request is aborted: decide why here.
    if (idleTimedOut) throw idleTimeoutError(info, text.length > 0);
    if (outer?.aborted) throw abortedError(info);
  } catch (error) {
    if (error instanceof ModelError) throw error;
    if (idleTimedOut) throw idleTimeoutError(info, text.length > 0);
    if (outer?.aborted) throw abortedError(info);
    if (streaming && finishReason === undefined && isStreamCut(error))
      throw new StreamCut(describeCause(error), error);
    throw toModelError(error, sdk, info);
  } finally {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    outer?.removeEventListener('abort', forwardAbort);
  }
  const result: LiveChatResult = { text, model: target.ref, mock: false };
  if (usage) result.usage = usage;
  if (serviceTier !== undefined) result.serviceTier = serviceTier;
  if (finishReason !== undefined) result.finishReason = finishReason;
  const toolCalls: ToolCall[] = calls
    .filter((c) => c !== undefined && c.name !== '')
    .map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }));
  if (toolCalls.length > 0) result.toolCalls = toolCalls;
  return result;
}
