package io.libres.benchmarks;

import io.libres.json.gson.GsonJsonCodec;
import io.libres.json.jackson.JacksonJsonCodec;
import io.libres.spi.JsonCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Writing a reservation's typical {@code data} map to JSON and reading it back, as an adapter does
 * for every reservation it stores and loads: Jackson against Gson.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class JsonCodecBenchmark {

    /** The codec: {@code jackson} or {@code gson}. */
    @Param({"jackson", "gson"})
    public String codec;

    JsonCodec json;
    Map<String, Object> data;

    /** Picks the codec and builds the data: a customer, a few numbers, a list and a nested object. */
    @Setup(Level.Trial)
    public void prepare() {
        json = codec.equals("gson") ? GsonJsonCodec.create() : JacksonJsonCodec.create();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "Bahnhofstrasse 1");
        address.put("zip", "8001");
        address.put("city", "Zürich");
        data = new LinkedHashMap<>();
        data.put("name", "Alice Example");
        data.put("phone", "+41 44 123 45 67");
        data.put("seats", 4);
        data.put("price", 49.5);
        data.put("member", true);
        data.put("comment", null);
        data.put("diet", List.of("vegetarian", "no nuts"));
        data.put("address", address);
    }

    /**
     * Writes the data and reads it back.
     *
     * @return the data as read
     */
    @Benchmark
    public Object writeAndRead() {
        return json.fromJson(json.toJson(data));
    }
}
