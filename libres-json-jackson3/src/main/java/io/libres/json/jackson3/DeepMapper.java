package io.libres.json.jackson3;

import io.libres.errors.InvalidArgument;
import io.libres.json.JsonValues;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A copy of a mapper whose factory nests at least {@link JsonValues#MAX_DEPTH} deep. Jackson 3 has no
 * public way to swap the factory of a built mapper, so the copy is made from the mapper's own builder
 * state (every setting kept) with the stream factory replaced.
 */
final class DeepMapper extends JsonMapper.Builder {

    private DeepMapper(JsonMapper mapper, JsonFactory deeper) {
        super(new JsonMapper.Builder.StateImpl(mapper.rebuild()));
        _streamFactory = deeper;
    }

    static ObjectMapper of(ObjectMapper mapper) {
        TokenStreamFactory factory = mapper.tokenStreamFactory();
        StreamReadConstraints read = factory.streamReadConstraints();
        StreamWriteConstraints write = factory.streamWriteConstraints();
        if (read.getMaxNestingDepth() >= JsonValues.MAX_DEPTH && write.getMaxNestingDepth() >= JsonValues.MAX_DEPTH) {
            return mapper;
        }
        if (!(mapper instanceof JsonMapper json) || !(factory instanceof JsonFactory jsonFactory)) {
            throw new InvalidArgument("The mapper nests JSON at most "
                + Math.min(read.getMaxNestingDepth(), write.getMaxNestingDepth()) + " deep; expected a JsonMapper, or a"
                + " mapper whose StreamReadConstraints and StreamWriteConstraints allow " + JsonValues.MAX_DEPTH
                + " levels (maxNestingDepth), as every libres codec writes and reads them.");
        }
        JsonFactory deeper = jsonFactory.rebuild()
            .streamReadConstraints(read.rebuild().maxNestingDepth(Math.max(read.getMaxNestingDepth(), JsonValues.MAX_DEPTH)).build())
            .streamWriteConstraints(write.rebuild().maxNestingDepth(Math.max(write.getMaxNestingDepth(), JsonValues.MAX_DEPTH)).build())
            .build();
        return new DeepMapper(json, deeper).build();
    }
}
