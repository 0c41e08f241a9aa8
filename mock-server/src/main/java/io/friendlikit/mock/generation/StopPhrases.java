package io.friendlikit.mock.generation;

import java.util.ArrayList;
import java.util.List;

/** Finds where a stop phrase ends the output, across token boundaries. */
final class StopPhrases {

    private StopPhrases() {
    }

    /**
     * @param kept            the tokens before the phrase; the token straddling the phrase start shortened to its
     *                        part before the phrase (dropped when that part is empty)
     * @param completingToken index of the token that completes the phrase (the one whose sampling stops the run)
     */
    record Match(List<String> kept, int completingToken) {
    }

    /** The phrase occurrence that completes earliest (ties: the one starting earliest), or null. */
    static Match find(List<String> tokens, List<String> phrases) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            sb.append(t);
        }
        String text = sb.toString();
        int bestStart = -1;
        int bestEnd = Integer.MAX_VALUE;
        for (String phrase : phrases) {
            if (phrase == null || phrase.isEmpty()) {
                continue;
            }
            int start = text.indexOf(phrase);
            if (start < 0) {
                continue;
            }
            int end = start + phrase.length();
            if (end < bestEnd || (end == bestEnd && start < bestStart)) {
                bestEnd = end;
                bestStart = start;
            }
        }
        if (bestStart < 0) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        int offset = 0;
        int completing = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            int tokenEnd = offset + t.length();
            if (tokenEnd <= bestStart) {
                kept.add(t);
            } else if (offset < bestStart) {
                kept.add(t.substring(0, bestStart - offset));
            }
            if (tokenEnd >= bestEnd) {
                completing = i;
                break;
            }
            offset = tokenEnd;
        }
        return new Match(kept, completing);
    }
}
