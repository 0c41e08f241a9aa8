package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolCall;
import io.friendlikit.mock.wire.ToolDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces the output of a request deterministically from the request, its seed and the server seed.
 *
 * <h2>Seeds</h2>
 * Each choice i draws from a PRNG seeded by: {@code seedFor(i)} mixed with the model id when the request has a
 * seed; otherwise the server seed mixed with a hash of the messages, the choice index and the model id (so the
 * same request on the same server repeats itself). Greedy sampling ({@code temperature} 0 or {@code top_k} 1)
 * ignores the seed: the PRNG is seeded from the messages and the model id only, so every choice is the same text.
 *
 * <h2>Length</h2>
 * A text answer is whole sentences of a natural length of 8 to 60 tokens (more when {@code min_tokens} asks;
 * {@code min_tokens} does not suppress stop phrases). The budget is {@code max_tokens}, else the model's
 * max completion tokens ({@value #DEFAULT_MAX_COMPLETION_TOKENS} when the model is unknown), and never more than
 * the context length ({@value #DEFAULT_CONTEXT_LENGTH} when unknown) minus the prompt. Reasoning, content and
 * tool-call arguments all count against it; the output is cut at exactly the budget with finish_reason length.
 *
 * <h2>Stop phrases</h2>
 * Applied to the content (text or structured output, not reasoning, not tool arguments): the content ends right
 * before the phrase whose first occurrence completes earliest; a token that straddles the phrase start is kept
 * shortened to its part before the phrase; finish_reason stop. If the budget runs out before the token that
 * completes the phrase, the cut wins (length). {@code eos_token} and {@code logit_bias} name token ids, which do
 * not exist in this tokenizer: accepted, no effect.
 *
 * <h2>Reasoning</h2>
 * Only for a reasoning model with {@code parse_reasoning} true (null counts as false), unless
 * {@code chat_template_kwargs.enable_thinking} is false or {@code reasoning_budget} is 0. Its length follows
 * {@code reasoning_effort} (see {@link #reasoningRange(String)}; null is medium), capped by a positive
 * {@code reasoning_budget} (-1: no cap). With {@code include_reasoning} false the reasoning is generated but not
 * returned; its tokens still count in completion tokens ({@link ChoiceOutput#hiddenReasoningTokens()}).
 *
 * <h2>Output kinds</h2>
 * Tool calls per {@link ToolSelector}; otherwise {@code response_format} json_object (a small object),
 * json_schema ({@link SchemaValueGenerator}), regex ({@link RegexSampler}, full match; empty text if rgxgen
 * cannot produce a match), else text. Call ids are {@code call_} + {@value #CALL_ID_LENGTH} letters and digits.
 */
public final class Generator {

    /** Context length assumed when the model is not in the catalogue (dedicated endpoint ids, container). */
    public static final int DEFAULT_CONTEXT_LENGTH = 131072;
    /** Max completion tokens assumed when the model is not in the catalogue. */
    public static final int DEFAULT_MAX_COMPLETION_TOKENS = 4096;
    /** Prompt tokens every message costs besides its content (role markers of a chat template). */
    public static final int MESSAGE_OVERHEAD_TOKENS = 4;
    /** Prompt tokens that prime the assistant's reply. */
    public static final int REPLY_PRIMING_TOKENS = 3;
    /** Prompt tokens of one non-text content part (image, audio, video). */
    public static final int MEDIA_PART_TOKENS = 64;
    /** Prompt tokens every declared tool costs besides its JSON text. */
    public static final int TOOL_OVERHEAD_TOKENS = 6;
    /** Prompt tokens every tool call in an assistant message costs besides its name, id and arguments. */
    public static final int CALL_OVERHEAD_TOKENS = 3;
    public static final int CALL_ID_LENGTH = 24;

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final long GREEDY_SALT = 0x6772656564794c4cL;
    private static final long STREAM_TEXT = 1;
    private static final long STREAM_REASONING = 2;
    private static final long STREAM_IDS = 3;
    private static final long STREAM_LOGPROBS_REASONING = 10;
    private static final long STREAM_LOGPROBS_CONTENT = 11;
    private static final long STREAM_LOGPROBS_CALL = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final long serverSeed;
    private final boolean inlineReasoning;

    public Generator(long serverSeed) {
        this(serverSeed, false);
    }

    /**
     * @param inlineReasoning true: a reasoning model whose reasoning is not parsed ({@code parse_reasoning} not true)
     *                        still thinks, and its reasoning comes first in {@code content} as
     *                        {@code <think>…</think>} (docs/api-notes.md §3.1 implies unparsed output keeps it inline);
     *                        false: such a model answers without reasoning
     */
    public Generator(long serverSeed, boolean inlineReasoning) {
        this.inlineReasoning = inlineReasoning;
        this.serverSeed = serverSeed;
    }

    /** Tokens of the prompt: messages (overhead, role, text, name, reasoning, tool calls, media) and tools. */
    public int promptTokens(ChatRequest request) {
        int count = REPLY_PRIMING_TOKENS;
        for (ChatMessage m : request.messages()) {
            count += MESSAGE_OVERHEAD_TOKENS + Tokenizer.count(m.role()) + Tokenizer.count(m.text())
                    + Tokenizer.count(m.name()) + Tokenizer.count(m.reasoning()) + Tokenizer.count(m.toolCallId())
                    + m.mediaParts() * MEDIA_PART_TOKENS;
            for (ToolCall call : m.toolCalls()) {
                count += CALL_OVERHEAD_TOKENS + Tokenizer.count(call.id()) + Tokenizer.count(call.name())
                        + Tokenizer.count(call.arguments());
            }
        }
        for (ToolDefinition tool : request.tools()) {
            count += TOOL_OVERHEAD_TOKENS + Tokenizer.count(declarationJson(tool));
        }
        return count;
    }

    private static String declarationJson(ToolDefinition tool) {
        ObjectNode function = NODES.objectNode();
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        function.set("parameters", tool.parameters() == null ? NODES.objectNode() : tool.parameters());
        return function.toString();
    }

    public Generation generate(ChatRequest request, ModelInfo model) {
        int prompt = promptTokens(request);
        return generate(request, model, prompt, budget(request, model, prompt));
    }

    /** As {@link #generate(ChatRequest, ModelInfo)} with the prompt tokens and budget already computed. */
    public Generation generate(ChatRequest request, ModelInfo model, int prompt, int budget) {
        long messagesHash = Seeds.hashMessages(request.messages());
        List<ToolDefinition> toCall = ToolSelector.select(request);
        List<String> hints = ToolSelector.hints(request.messages());
        List<ChoiceOutput> choices = new ArrayList<>(request.n());
        for (int i = 0; i < request.n(); i++) {
            long seed = choiceSeed(request, i, messagesHash);
            boolean parsed = Boolean.TRUE.equals(request.parseReasoning());
            List<String> reasoning = parsed || inlineReasoning
                    ? reasoning(request, model, new SplittableRandom(Seeds.combine(seed, STREAM_REASONING)))
                    : List.of();
            SplittableRandom rng = new SplittableRandom(Seeds.combine(seed, STREAM_TEXT));
            SplittableRandom ids = new SplittableRandom(Seeds.combine(Seeds.combine(seed, STREAM_IDS), i));
            List<PlannedCall> calls = new ArrayList<>();
            List<String> content = null;
            if (!toCall.isEmpty()) {
                for (ToolDefinition tool : toCall) {
                    String arguments = new SchemaValueGenerator(tool.parameters(), rng, hints).generate().toString();
                    calls.add(new PlannedCall(callId(ids), tool.name(), Tokenizer.tokenize(arguments)));
                }
            } else {
                content = content(request, rng, hints, budget);
            }
            if (!parsed && !reasoning.isEmpty()) {
                boolean text = request.responseFormat() == null
                        || request.responseFormat().type() == ResponseFormat.Type.TEXT;
                if (content != null && text) {
                    content = inline(reasoning, content);
                }
                reasoning = List.of();
            }
            choices.add(assemble(request, i, seed, budget, reasoning, content, calls, null));
        }
        return new Generation(choices, prompt);
    }

    /** Emits the scripted reply (same text and calls for every choice; ids differ per choice). */
    public Generation replay(ChatRequest request, ModelInfo model, CannedReply reply) {
        int prompt = promptTokens(request);
        return replay(request, model, reply, prompt, budget(request, model, prompt));
    }

    /** As {@link #replay(ChatRequest, ModelInfo, CannedReply)} with the prompt tokens and budget computed. */
    public Generation replay(ChatRequest request, ModelInfo model, CannedReply reply, int prompt, int budget) {
        long messagesHash = Seeds.hashMessages(request.messages());
        List<ChoiceOutput> choices = new ArrayList<>(request.n());
        List<String> scripted = reply.content() == null ? null : Tokenizer.tokenize(reply.content());
        List<String> reasoning = reply.reasoning() == null ? List.of() : Tokenizer.tokenize(reply.reasoning());
        for (int i = 0; i < request.n(); i++) {
            long seed = choiceSeed(request, i, messagesHash);
            SplittableRandom ids = new SplittableRandom(Seeds.combine(Seeds.combine(seed, STREAM_IDS), i));
            List<PlannedCall> calls = new ArrayList<>();
            for (CannedReply.Call call : reply.toolCalls()) {
                String arguments = call.arguments() == null || call.arguments().isNull() || call.arguments().isMissingNode()
                        ? "{}" : call.arguments().toString();
                calls.add(new PlannedCall(callId(ids), call.name(), Tokenizer.tokenize(arguments)));
            }
            List<String> content = scripted == null && calls.isEmpty() ? List.of() : scripted;
            ChoiceOutput out = assemble(request, i, seed, budget, reasoning, content, calls, reply.logprobs());
            if (reply.finishReason() != null && out.finishReason() != FinishReason.LENGTH) {
                out = new ChoiceOutput(out.index(), out.reasoning(), out.content(), out.contentNull(),
                        out.toolCalls(), reply.finishReason(), out.hiddenReasoningTokens());
            }
            choices.add(out);
        }
        return new Generation(choices, prompt);
    }

    private record PlannedCall(String id, String name, List<String> argumentTokens) {
    }

    /**
     * The completion budget: max_tokens or the model's maximum, within what the context leaves. A max_tokens
     * above the model's max_completion_tokens is clamped to it (docs/api-notes.md §10.3: output caps exist, and whether
     * the live service clamps or refuses is not documented; clamping is our guess).
     */
    public static int budget(ChatRequest request, ModelInfo model, int promptTokens) {
        int maxCompletion = model == null ? DEFAULT_MAX_COMPLETION_TOKENS : model.maxCompletionTokens();
        int context = model == null ? DEFAULT_CONTEXT_LENGTH : model.contextLength();
        int requested = request.maxTokens() == null ? maxCompletion : Math.min(request.maxTokens(), maxCompletion);
        return Math.max(0, Math.min(requested, context - promptTokens));
    }

    static boolean greedy(ChatRequest request) {
        return request.temperature() == 0.0 || request.topK() == 1;
    }

    private long choiceSeed(ChatRequest request, int index, long messagesHash) {
        long modelHash = Seeds.hash(request.model());
        if (greedy(request)) {
            return Seeds.combine(Seeds.combine(GREEDY_SALT, messagesHash), modelHash);
        }
        Long seed = request.seedFor(index);
        if (seed != null) {
            return Seeds.combine(seed, modelHash);
        }
        return Seeds.combine(Seeds.combine(Seeds.combine(serverSeed, messagesHash), index), modelHash);
    }

    private static String callId(SplittableRandom ids) {
        StringBuilder sb = new StringBuilder("call_");
        for (int i = 0; i < CALL_ID_LENGTH; i++) {
            sb.append(ID_ALPHABET.charAt(ids.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * The content tokens. Text asked to be longer than the budget is composed only one token past it (the cut at
     * the budget then gives finish_reason length, exactly as the full text would).
     */
    private static List<String> content(ChatRequest request, SplittableRandom rng, List<String> hints, int budget) {
        ResponseFormat format = request.responseFormat();
        ResponseFormat.Type type = format == null ? ResponseFormat.Type.TEXT : format.type();
        switch (type) {
            case JSON_OBJECT:
                return Tokenizer.tokenize(jsonObject(rng).toString());
            case JSON_SCHEMA:
                return Tokenizer.tokenize(new SchemaValueGenerator(format.jsonSchema(), rng, hints).generate().toString());
            case REGEX:
                return Tokenizer.tokenize(RegexSampler.sample(format.regex(), true, rng).orElse(""));
            default:
                return TextComposer.answer(rng, (int) Math.min(request.minTokens(), budget + 1L));
        }
    }

    /** A JSON object of 2 to 4 members with string, integer and boolean values. */
    private static JsonNode jsonObject(SplittableRandom rng) {
        ObjectNode object = NODES.objectNode();
        int members = rng.nextInt(2, 5);
        while (object.size() < members) {
            String key = TextComposer.pick(rng, Vocabulary.NOUNS);
            switch (rng.nextInt(3)) {
                case 0:
                    object.put(key, TextComposer.pick(rng, Vocabulary.ADJECTIVES) + " "
                            + TextComposer.pick(rng, Vocabulary.NOUNS));
                    break;
                case 1:
                    object.put(key, rng.nextInt(1000));
                    break;
                default:
                    object.put(key, rng.nextBoolean());
                    break;
            }
        }
        return object;
    }

    /** Token count range of the reasoning for a reasoning_effort (null: medium; unknown values: medium). */
    static int[] reasoningRange(String effort) {
        if (effort == null) {
            return new int[] {40, 100};
        }
        switch (effort) {
            case "minimal":
                return new int[] {8, 16};
            case "low":
                return new int[] {16, 40};
            case "high":
                return new int[] {80, 200};
            case "xhigh":
                return new int[] {150, 300};
            case "max":
                return new int[] {250, 500};
            case "ultracode":
                return new int[] {300, 600};
            default:
                return new int[] {40, 100};
        }
    }

    /** Unparsed reasoning ahead of the answer, the way a reasoning model writes it: think tags, a blank line. */
    private static List<String> inline(List<String> reasoning, List<String> content) {
        List<String> out = new ArrayList<>(Tokenizer.tokenize("<think>\n"));
        out.addAll(reasoning);
        out.addAll(Tokenizer.tokenize("\n</think>\n\n"));
        out.addAll(content);
        return out;
    }

    private static List<String> reasoning(ChatRequest request, ModelInfo model, SplittableRandom rng) {
        if (model == null || !model.reasoning()
                || Boolean.FALSE.equals(request.chatTemplateKwargs().get("enable_thinking"))) {
            return List.of();
        }
        Integer cap = request.reasoningBudget();
        if (cap != null && cap == 0) {
            return List.of();
        }
        int[] range = reasoningRange(request.reasoningEffort());
        List<String> tokens = TextComposer.sentences(rng, rng.nextInt(range[0], range[1] + 1), true);
        if (cap != null && cap > 0 && tokens.size() > cap) {
            return tokens.subList(0, cap);
        }
        return tokens;
    }

    /**
     * Applies stop phrases and the budget, then attaches logprobs. {@code content} null means no content;
     * {@code scriptedLogprobs} (or null) gives the content tokens' logprobs when the request asks for logprobs.
     */
    private static ChoiceOutput assemble(ChatRequest request, int index, long seed, int budget,
                                         List<String> reasoning, List<String> content, List<PlannedCall> calls,
                                         List<Double> scriptedLogprobs) {
        int remaining = budget;
        boolean cut = false;
        boolean stopped = false;
        if (reasoning.size() > remaining) {
            reasoning = reasoning.subList(0, remaining);
            cut = true;
        }
        remaining -= reasoning.size();
        List<String> text = content == null ? List.of() : content;
        if (content != null && !request.stop().isEmpty()) {
            StopPhrases.Match match = StopPhrases.find(text, request.stop());
            if (match != null && match.completingToken() < remaining) {
                text = match.kept();
                stopped = true;
                calls = List.of();
            }
        }
        if (cut) {
            text = List.of();
        } else if (text.size() > remaining) {
            text = text.subList(0, remaining);
            cut = true;
        }
        remaining -= text.size();

        boolean alternativesWanted = request.logprobs() && request.topLogprobs() != null;
        int k = alternativesWanted ? request.topLogprobs() : 0;
        boolean greedy = greedy(request);
        double temperature = request.temperature();
        List<GeneratedToolCall> emitted = new ArrayList<>();
        for (int j = 0; j < calls.size(); j++) {
            if (cut || remaining == 0) {
                cut = true;
                break;
            }
            PlannedCall call = calls.get(j);
            List<String> args = call.argumentTokens();
            if (args.size() > remaining) {
                args = args.subList(0, remaining);
                cut = true;
            }
            remaining -= args.size();
            LogprobAssigner assigner = new LogprobAssigner(
                    Seeds.combine(seed, STREAM_LOGPROBS_CALL + j), greedy, temperature, k);
            emitted.add(new GeneratedToolCall(call.id(), call.name(), assigner.assign(args)));
        }

        List<Token> reasoningTokens = new LogprobAssigner(
                Seeds.combine(seed, STREAM_LOGPROBS_REASONING), greedy, temperature, k).assign(reasoning);
        LogprobAssigner contentLogprobs = new LogprobAssigner(
                Seeds.combine(seed, STREAM_LOGPROBS_CONTENT), greedy, temperature, k);
        List<Token> contentTokens = scriptedLogprobs != null && request.logprobs()
                ? contentLogprobs.assign(text, scriptedLogprobs) : contentLogprobs.assign(text);
        boolean contentNull = content == null && !emitted.isEmpty();
        FinishReason finish = cut ? FinishReason.LENGTH
                : stopped ? FinishReason.STOP
                : !emitted.isEmpty() ? FinishReason.TOOL_CALLS
                : FinishReason.STOP;
        if (request.includeReasoning()) {
            return new ChoiceOutput(index, reasoningTokens, contentTokens, contentNull, emitted, finish, 0);
        }
        return new ChoiceOutput(index, List.of(), contentTokens, contentNull, emitted, finish, reasoningTokens.size());
    }
}
