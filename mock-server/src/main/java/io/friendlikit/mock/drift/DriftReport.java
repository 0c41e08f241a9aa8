package io.friendlikit.mock.drift;

import java.util.List;

/**
 * How far a target is from a set of recordings, by structure.
 *
 * @param against    the root URL the requests went to
 * @param target     the divergence target kind applied ({@code mock}, {@code live} or {@code other})
 * @param recordings one result per recording, in file-name order
 */
public record DriftReport(String against, String target, List<RecordingDrift> recordings) {

    public static final String SAME = "same";
    public static final String KNOWN = "known";
    public static final String DRIFTED = "drifted";

    public DriftReport {
        recordings = List.copyOf(recordings);
    }

    /**
     * One recording and how the target's answer to its request differs.
     *
     * @param file        the recording's file name
     * @param status      {@value #SAME} (no difference), {@value #KNOWN} (only known ones) or {@value #DRIFTED}
     * @param differences in the order found
     */
    public record RecordingDrift(String file, String status, List<Difference> differences) {
        public RecordingDrift {
            differences = List.copyOf(differences);
        }

        static RecordingDrift of(String file, List<Difference> differences) {
            boolean drifted = differences.stream().anyMatch(d -> !d.isKnown());
            return new RecordingDrift(file, drifted ? DRIFTED : differences.isEmpty() ? SAME : KNOWN, differences);
        }
    }

    public int drifted() {
        return (int) recordings.stream().filter(r -> r.status().equals(DRIFTED)).count();
    }

    public int knownDifferences() {
        return (int) recordings.stream().flatMap(r -> r.differences().stream()).filter(Difference::isKnown).count();
    }

    public boolean anyDrift() {
        return drifted() > 0;
    }

    /** "N recordings, M drifted, K known differences". */
    public String summary() {
        return recordings.size() + " recording" + (recordings.size() == 1 ? "" : "s") + ", " + drifted()
                + " drifted, " + knownDifferences() + " known difference" + (knownDifferences() == 1 ? "" : "s");
    }
}
