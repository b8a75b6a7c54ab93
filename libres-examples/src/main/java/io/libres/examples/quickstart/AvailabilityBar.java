package io.libres.examples.quickstart;

import io.libres.db.models.Partition;
import java.util.List;

/** Draws the availability partitions of an allocation as a text bar: {@code #} reserved, {@code .} free. */
final class AvailabilityBar {

    private AvailabilityBar() {
    }

    static String draw(List<Partition> partitions, int width) {
        StringBuilder bar = new StringBuilder(width);
        double covered = 0;
        for (Partition partition : partitions) {
            covered += partition.percentage();
            int end = (int) Math.round(covered / 100.0 * width);
            char mark = partition.reserved() ? '#' : '.';
            while (bar.length() < end) {
                bar.append(mark);
            }
        }
        return "[" + bar + "]";
    }
}
