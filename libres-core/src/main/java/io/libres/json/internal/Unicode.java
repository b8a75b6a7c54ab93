package io.libres.json.internal;

/** Checks that text is well-formed Unicode, which JSON text (RFC 8259) and PostgreSQL require. */
public final class Unicode {

    private Unicode() {
    }

    /**
     * Finds the first surrogate char that is not part of a high-low pair.
     *
     * @param text the text to check
     * @return its index, or {@code -1} if every surrogate is paired
     */
    public static int firstUnpairedSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Describes the unpaired surrogate at an index, for error messages.
     *
     * @param text the text
     * @param index the index {@link #firstUnpairedSurrogate(String)} returned
     * @return for example {@code "U+D800 at index 3"}
     */
    public static String describe(String text, int index) {
        return String.format("U+%04X at index %d", (int) text.charAt(index), index);
    }
}
