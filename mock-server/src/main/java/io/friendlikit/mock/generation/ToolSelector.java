package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ToolChoice;
import io.friendlikit.mock.wire.ToolDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which declared functions a choice calls.
 *
 * <p>The rule for {@code tool_choice: "auto"}: a function is called when the <b>last message has role user</b> and
 * its text either mentions the function's name (case-insensitive, as a whole word or phrase, i.e. not glued to a
 * letter or digit; underscores and dashes in the name also match as spaces: {@code get_weather} matches
 * "get weather") or contains at least one
 * <b>significant word</b> of the function's description (a run of at least 4 letters, case-insensitive, not in a
 * short list of common English function words such as "with", "that", "from", "returns"). A name match scores
 * 100, each distinct description word 1; matching functions are called best score first (ties in declaration
 * order). When the last message is a tool result, an assistant message or a system message, or nothing matches,
 * the answer is text.
 *
 * <p>{@code "required"} calls the matching functions, or the first declared one when none matches; a named
 * function ({@code {"type":"function",...}}) calls exactly that function; {@code "none"} never calls. With
 * {@code parallel_tool_calls} true at most {@value #MAX_PARALLEL_CALLS} functions are called, otherwise one.
 */
final class ToolSelector {

    static final int MAX_PARALLEL_CALLS = 3;
    static final int NAME_SCORE = 100;

    private ToolSelector() {
    }

    /** The functions to call, in order; empty for a text answer. */
    static List<ToolDefinition> select(ChatRequest request) {
        List<ToolDefinition> tools = request.tools();
        ToolChoice choice = request.toolChoice() == null ? ToolChoice.AUTO : request.toolChoice();
        if (tools.isEmpty() || choice.mode() == ToolChoice.Mode.NONE) {
            return List.of();
        }
        if (choice.mode() == ToolChoice.Mode.FUNCTION) {
            for (ToolDefinition tool : tools) {
                if (tool.name().equals(choice.functionName())) {
                    return List.of(tool);
                }
            }
            return List.of(new ToolDefinition(choice.functionName(), null, null));
        }
        int limit = request.parallelToolCalls() ? MAX_PARALLEL_CALLS : 1;
        List<ToolDefinition> matching = matching(request.messages(), tools);
        if (matching.size() > limit) {
            matching = matching.subList(0, limit);
        }
        if (choice.mode() == ToolChoice.Mode.REQUIRED && matching.isEmpty()) {
            return List.of(tools.get(0));
        }
        return List.copyOf(matching);
    }

    private static List<ToolDefinition> matching(List<ChatMessage> messages, List<ToolDefinition> tools) {
        if (messages.isEmpty()) {
            return List.of();
        }
        ChatMessage last = messages.get(messages.size() - 1);
        if (!"user".equals(last.role()) || last.text() == null) {
            return List.of();
        }
        String text = last.text().toLowerCase(Locale.ROOT);
        Set<String> words = words(text);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            int score = score(tools.get(i), text, words);
            if (score > 0) {
                scored.add(new Scored(tools.get(i), score, i));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::position));
        List<ToolDefinition> result = new ArrayList<>();
        scored.forEach(s -> result.add(s.tool()));
        return result;
    }

    private record Scored(ToolDefinition tool, int score, int position) {
    }

    static int score(ToolDefinition tool, String lowerText, Set<String> words) {
        int score = 0;
        String name = tool.name().toLowerCase(Locale.ROOT);
        if (containsPhrase(lowerText, name) || containsPhrase(lowerText, name.replace('_', ' ').replace('-', ' '))) {
            score += NAME_SCORE;
        }
        if (tool.description() != null) {
            for (String word : words(tool.description().toLowerCase(Locale.ROOT))) {
                if (word.length() >= 4 && !Vocabulary.FUNCTION_WORDS.contains(word) && words.contains(word)) {
                    score++;
                }
            }
        }
        return score;
    }

    /** Whether {@code phrase} occurs in {@code text} not glued to a letter or digit on either side. */
    static boolean containsPhrase(String text, String phrase) {
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** The distinct letter runs of a lowercase text. */
    static Set<String> words(String lower) {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Capitalized words of the last user message that do not start a sentence, e.g. "Paris" (for arguments). */
    static List<String> hints(List<ChatMessage> messages) {
        for (int m = messages.size() - 1; m >= 0; m--) {
            ChatMessage message = messages.get(m);
            if (!"user".equals(message.role()) || message.text() == null) {
                continue;
            }
            List<String> hints = new ArrayList<>();
            String text = message.text();
            boolean sentenceStart = true;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    int end = i;
                    while (end < text.length() && Character.isLetter(text.charAt(end))) {
                        end++;
                    }
                    if (!sentenceStart && Character.isUpperCase(c) && end - i >= 2 && hints.size() < 8) {
                        String word = text.substring(i, end);
                        if (!hints.contains(word)) {
                            hints.add(word);
                        }
                    }
                    sentenceStart = false;
                    i = end;
                } else {
                    if (c == '.' || c == '!' || c == '?' || c == '\n') {
                        sentenceStart = true;
                    }
                    i++;
                }
            }
            return hints;
        }
        return List.of();
    }
}
