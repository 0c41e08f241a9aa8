package io.friendlikit.mock.page;

/** Text for the static pages the mock writes (the verdict, the drift report): one escaping rule for both. */
public final class Html {

    private Html() {
    }

    /** {@code s} safe inside an element or a quoted attribute. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
