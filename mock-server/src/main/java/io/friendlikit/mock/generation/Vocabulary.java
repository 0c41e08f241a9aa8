package io.friendlikit.mock.generation;

import java.util.List;

/** The fixed word lists of the text generator; every word is lowercase ASCII letters only (one token each). */
final class Vocabulary {

    private Vocabulary() {
    }

    static final List<String> DETERMINERS = List.of(
            "the", "a", "every", "this", "that", "each", "our", "your", "one", "another", "some", "any");

    static final List<String> PRONOUNS = List.of("it", "she", "he", "someone", "everyone", "nobody");

    static final List<String> NOUNS = List.of(
            "river", "mountain", "city", "garden", "window", "teacher", "student", "engine", "letter", "journey",
            "forest", "question", "answer", "story", "morning", "evening", "market", "village", "library", "bridge",
            "ocean", "island", "painter", "musician", "doctor", "farmer", "traveler", "neighbor", "machine", "signal",
            "pattern", "system", "network", "record", "message", "picture", "kitchen", "harbor", "valley", "meadow",
            "lantern", "compass", "notebook", "pencil", "candle", "mirror", "ladder", "basket", "blanket", "carpet",
            "school", "office", "station", "street", "corner", "square", "tower", "castle", "cottage", "cabin",
            "planet", "comet", "season", "winter", "summer", "autumn", "spring", "thunder", "breeze", "shadow",
            "melody", "rhythm", "poem", "chapter", "detail", "reason", "method", "result", "problem", "solution",
            "idea", "plan", "moment", "friend", "stranger", "captain", "pilot", "baker", "writer", "reader",
            "child", "family", "crowd", "team", "council", "museum", "theater", "festival", "recipe", "lesson",
            "path", "road", "trail", "field", "hill", "lake", "stone", "tree", "flower", "bird",
            "horse", "cat", "dog", "fox", "owl", "whale", "sparrow", "orchard", "vineyard", "bakery");

    static final List<String> VERBS = List.of(
            "finds", "follows", "builds", "carries", "watches", "describes", "remembers", "explains", "discovers",
            "reaches", "crosses", "opens", "closes", "paints", "writes", "reads", "shares", "studies", "measures",
            "collects", "repairs", "visits", "leaves", "joins", "greets", "answers", "questions", "imagines",
            "chooses", "prepares", "changes", "improves", "protects", "guides", "helps", "notices", "considers",
            "examines", "celebrates", "welcomes", "supports", "connects", "gathers", "shapes", "lifts", "moves",
            "turns", "holds", "keeps", "brings", "sends", "meets", "sees", "hears", "knows", "likes",
            "reveals", "crafts", "plants", "sketches", "explores", "organizes", "tests", "reviews", "compares");

    static final List<String> ADJECTIVES = List.of(
            "quiet", "bright", "ancient", "gentle", "curious", "distant", "golden", "silver", "narrow", "wide",
            "careful", "patient", "simple", "clever", "warm", "cold", "early", "late", "small", "large",
            "hidden", "open", "friendly", "honest", "modern", "rustic", "busy", "calm", "steady", "quick",
            "slow", "green", "blue", "red", "wooden", "stony", "sunny", "rainy", "windy", "misty",
            "useful", "tender", "generous", "brave", "humble", "proud", "tired", "eager", "lively", "peaceful",
            "remote", "local", "familiar", "strange", "clear", "complex", "precise", "gradual", "sudden", "final");

    static final List<String> ADVERBS = List.of(
            "quietly", "slowly", "carefully", "suddenly", "gently", "often", "rarely", "always", "soon", "later",
            "finally", "eventually", "together", "happily", "boldly", "patiently", "clearly", "simply");

    static final List<String> PREPOSITIONS = List.of(
            "near", "across", "behind", "beyond", "under", "over", "beside", "through", "toward", "inside",
            "along", "around", "with", "without", "after", "before", "during");

    static final List<String> CONJUNCTIONS = List.of("and", "but", "while", "because", "although", "so", "yet");

    static final List<String> REASONING_OPENERS = List.of(
            "first", "next", "then", "so", "hmm", "alternatively", "also", "therefore", "wait", "now");

    static final List<String> PUNCTUATION = List.of(".", ",", ";", ":", "!", "?", "-", "(", ")", "\"", "'");

    static final List<String> SPACES = List.of(" ", "\n", "\n\n", "  ", "\t");

    /** Words common enough that they never identify a function by its description. */
    static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of(
            "with", "that", "this", "from", "about", "will", "your", "have", "what", "when", "where", "which",
            "there", "their", "them", "they", "then", "than", "into", "some", "such", "only", "also", "been",
            "were", "does", "each", "more", "most", "other", "over", "very", "just", "like", "make", "given",
            "using", "used", "uses", "returns", "return", "gets", "function", "tool", "call", "value", "values",
            "please", "would", "could", "should");
}
