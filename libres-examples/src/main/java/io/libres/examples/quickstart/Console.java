package io.libres.examples.quickstart;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Prints the story in a terminal: chapter headings, indented lines, times in a short form. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void chapter(String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(0, 72 - title.length())));
    }

    void say(String format, Object... arguments) {
        out.println("   " + String.format(format, arguments));
    }

    static String time(ZonedDateTime moment) {
        return TIME.format(moment);
    }

    static String day(ZonedDateTime moment) {
        return DAY.format(moment);
    }
}
