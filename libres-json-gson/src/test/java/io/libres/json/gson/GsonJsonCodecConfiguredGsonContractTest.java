package io.libres.json.gson;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("GsonJsonCodec on a Gson configured against the contract still keeps it")
class GsonJsonCodecConfiguredGsonContractTest extends JsonCodecContractTest {

    /** Every setting here would break the contract if the codec let it through. */
    static Gson hostileGson() {
        return new GsonBuilder()
            .setStrictness(Strictness.LENIENT)
            .serializeSpecialFloatingPointValues()
            .setPrettyPrinting()
            .generateNonExecutableJson()
            .disableHtmlEscaping()
            .setObjectToNumberStrategy(ToNumberPolicy.DOUBLE)
            .setNumberToNumberStrategy(ToNumberPolicy.DOUBLE)
            .create();
    }

    @Override
    protected JsonCodec codec() {
        return GsonJsonCodec.using(hostileGson());
    }

    @Override
    protected JsonCodecProvider provider() {
        return new GsonJsonCodecProvider();
    }
}
