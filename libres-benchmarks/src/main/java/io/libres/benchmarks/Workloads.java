package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The data of issue 13's reference workloads, built the way the issue describes them, so that
 * every storage and the plain-JDBC floor see the same rows.
 */
final class Workloads {

    /** W1's and W2's first hour: 2030-01-01 08:00, Europe/Zurich. */
    static final LocalDateTime FIRST_HOUR = LocalDateTime.of(2030, 1, 1, 8, 0);
    /** W4's and W6's first day. */
    static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 1);
    /** Who reserves. */
    static final String EMAIL = "bench@example.org";

    private static final int CHUNK = 500;

    private Workloads() {
    }

    /**
     * Consecutive one-hour ranges.
     *
     * @param count how many
     * @param first the first hour
     * @return the ranges
     */
    static List<DateRange> hours(int count, LocalDateTime first) {
        List<DateRange> hours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hours.add(DateRange.of(first.plusHours(i), first.plusHours(i + 1L)));
        }
        return hours;
    }

    /**
     * The hour of the W4 pattern's k-th allocation: day 2030-01-01 + k/14, from 06:00 + (k mod 14) h.
     *
     * @param k the allocation's number
     * @return its range
     */
    static DateRange patternHour(int k) {
        LocalDateTime start = FIRST_DAY.plusDays(k / 14).atTime(6 + k % 14, 0);
        return DateRange.of(start, start.plusHours(1));
    }

    /**
     * Allocates and books the W4 pattern: k mod 10 in {0,1} quota 4, in {2,3} partly available
     * (raster 15), else quota 1; allocated in chunks of 500, each chunk one unit of work. Booked
     * and approved: k mod 20 = 0 all 4 spots, k mod 20 = 10 one spot, k mod 10 = 2 its first 30
     * minutes, k mod 10 = 5 the whole hour (one reservation per kind and chunk).
     *
     * @param backend the backend
     * @param scheduler the scheduler
     * @param count the number of allocations
     */
    static void pattern(Backend backend, Scheduler scheduler, int count) {
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            List<DateRange> quotaFour = new ArrayList<>();
            List<DateRange> partly = new ArrayList<>();
            List<DateRange> single = new ArrayList<>();
            List<DateRange> allFour = new ArrayList<>();
            List<DateRange> oneOfFour = new ArrayList<>();
            List<DateRange> firstHalfHour = new ArrayList<>();
            List<DateRange> wholeHour = new ArrayList<>();
            for (int k = from; k < to; k++) {
                DateRange hour = patternHour(k);
                int kind = k % 10;
                (kind <= 1 ? quotaFour : kind <= 3 ? partly : single).add(hour);
                if (k % 20 == 0) {
                    allFour.add(hour);
                } else if (k % 20 == 10) {
                    oneOfFour.add(hour);
                } else if (kind == 2) {
                    LocalDateTime start = (LocalDateTime) hour.start();
                    firstHalfHour.add(DateRange.of(start, start.plusMinutes(30)));
                } else if (kind == 5) {
                    wholeHour.add(hour);
                }
            }
            backend.transaction(() -> {
                scheduler.allocate(quotaFour, AllocateOptions.builder().quota(4).build());
                scheduler.allocate(partly, AllocateOptions.builder().partlyAvailable(true).raster(15).build());
                scheduler.allocate(single, AllocateOptions.builder().build());
                return null;
            });
            backend.transaction(() -> {
                book(scheduler, allFour, 4);
                book(scheduler, oneOfFour, 1);
                book(scheduler, firstHalfHour, 1);
                book(scheduler, wholeHour, 1);
                return null;
            });
        }
    }

    private static void book(Scheduler scheduler, List<DateRange> dates, int quota) {
        if (!dates.isEmpty()) {
            UUID token = scheduler.reserve(EMAIL, dates, ReserveOptions.builder().quota(quota).build());
            scheduler.approveReservations(token);
        }
    }
}
