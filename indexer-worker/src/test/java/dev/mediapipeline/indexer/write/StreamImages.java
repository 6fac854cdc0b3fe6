package dev.mediapipeline.indexer.write;

import dev.mediapipeline.common.item.Sequencers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** UserMedia images as a stream record carries them: key, sequencer, a width to see updates by, tags. */
final class StreamImages {

    private StreamImages() {
    }

    static Map<String, AttributeValue> image(String user, String mediaId, String sequencer, int width, String... tags) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("UserId", AttributeValue.fromS(user));
        item.put("MediaId", AttributeValue.fromS(mediaId));
        item.put("Sequencer", AttributeValue.fromS(sequencer));
        item.put("SequencerOrder", AttributeValue.fromS(Sequencers.order(sequencer)));
        item.put("Width", AttributeValue.fromN(String.valueOf(width)));
        item.put("Tags", AttributeValue.fromSs(List.of(tags)));
        return Map.copyOf(item);
    }
}
