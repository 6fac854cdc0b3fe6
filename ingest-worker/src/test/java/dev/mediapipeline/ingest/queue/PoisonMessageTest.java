package dev.mediapipeline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.extract.testing.SampleCorpus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Messages nobody can act on go to the DLQ on their first delivery, with ErrorClass and Error message
 * attributes, and leave the main queue; S3's test event is dropped quietly. Every body carries a marker
 * of its own, so each one can be found in the DLQ.
 */
class PoisonMessageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BUCKET = "poison-bucket";

    private static PrivateStack stack;
    private static IngestWorker worker;

    @BeforeAll
    static void start() {
        stack = PrivateStack.provision("poison");
        worker = stack.startWorker();
    }

    @AfterAll
    static void stop() {
        worker.close();
        stack.close();
    }

    @Test
    void everyMalformedMessageIsDeadLetteredAtOnceWithItsReason() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("notjson", "this is not JSON notjson");
        bodies.put("array", "[\"array\"]");
        bodies.put("norecords", "{\"marker\":\"norecords\"}");
        bodies.put("emptyrecords", "{\"Records\":[],\"marker\":\"emptyrecords\"}");
        bodies.put("notsss", event("notsss", "ObjectCreated:Put", "0A")
                .replace("\"aws:s3\"", "\"aws:sqs\""));
        bodies.put("restore", event("restore", "ObjectRestore:Completed", "0A"));
        bodies.put("nokey", event("nokey", "ObjectCreated:Put", "0A")
                .replace("\"key\":\"users%2Fnokey%2Fa.jpg\",", ""));
        bodies.put("noseq", event("noseq", "ObjectCreated:Put", "0A").replace(",\"sequencer\":\"0A\"", ""));
        bodies.put("hexless", event("hexless", "ObjectCreated:Put", "NOT-HEX"));
        bodies.put("nosize", S3Events.removed(BUCKET, "users/nosize/a.jpg", "0A")
                .replace("ObjectRemoved:Delete", "ObjectCreated:Put"));
        bodies.put("badtime", event("badtime", "ObjectCreated:Put", "0A")
                .replaceFirst("\"eventTime\":\"[^\"]+\"", "\"eventTime\":\"yesterday\""));
        bodies.put("badescape", event("badescape", "ObjectCreated:Put", "0A")
                .replace("a.jpg\"", "a%zz.jpg\""));
        bodies.put("snsgarbage", "{\"Type\":\"Notification\",\"Message\":\"snsgarbage is not JSON\"}");
        bodies.forEach((marker, body) -> assertThat(body).contains(marker));

        bodies.values().forEach(stack::send);

        await().atMost(WAIT).untilAsserted(() -> assertThat(bodies.keySet())
                .allSatisfy(marker -> assertThat(letterFor(marker)).hasSize(1)));
        assertThat(bodies.keySet()).allSatisfy(marker -> {
            Message letter = letterFor(marker).get(0);
            assertThat(letter.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("malformed-event");
            assertThat(letter.messageAttributes().get("Error").stringValue()).isNotBlank();
        });
        await().atMost(WAIT).until(stack::queueDrained);
    }

    @Test
    void everyKeyOutsideTheLayoutIsDeadLetteredAtOnceWithItsReason() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("outside", "stray/outside.jpg");
        keys.put("twodots", "users/twodots/../escape.jpg");
        keys.put("onedot", "users/onedot/./here.jpg");
        keys.put("emptyseg", "users/emptyseg//x.jpg");
        keys.put("trailing", "users/trailing/dir/");
        keys.put("nomedia", "users/nomedia");
        keys.put("baduser", "users/bad user!baduser/x.jpg");
        keys.put("longuser", "users/longuser" + "u".repeat(129) + "/x.jpg");
        keys.put("control", "users/control/a\u0007b.jpg");
        keys.put("overlong", "users/overlong/" + "\u00e9".repeat(600) + ".jpg");

        keys.values().forEach(key -> stack.send(S3Events.removed(BUCKET, key, "0A")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(keys.keySet())
                .allSatisfy(marker -> assertThat(letterFor(marker)).hasSize(1)));
        assertThat(keys.keySet()).allSatisfy(marker -> {
            Message letter = letterFor(marker).get(0);
            assertThat(letter.messageAttributes().get("ErrorClass").stringValue()).isEqualTo("invalid-key");
            assertThat(letter.messageAttributes().get("Error").stringValue()).isNotBlank();
        });
        assertThat(letterFor("outside").get(0).messageAttributes().get("Error").stringValue())
                .contains("outside users/");
        assertThat(letterFor("overlong").get(0).messageAttributes().get("Error").stringValue()).contains("1024");
        assertThat(letterFor("control").get(0).messageAttributes().get("Error").stringValue())
                .contains("users/control/a\\u0007b.jpg");
        await().atMost(WAIT).until(stack::queueDrained);
    }

    @Test
    void aMessageWithAGoodAndAHostileRecordAppliesTheGoodOneAndDeadLettersTheMessage() {
        String good = stack.putAndDescribe("users/mixed/good.jpg", SampleCorpus.bytes("Nikon D40.jpg"), "0A");
        String hostile = S3Events.removed(BUCKET, "users/mixed/../mixedescape.jpg", "0B");
        stack.send(good.replace("}]}", "}," + hostile.substring("{\"Records\":[".length())));

        assertThat(stack.awaitItem("mixed", "good.jpg", WAIT).get("Status").s()).isEqualTo("READY");
        await().atMost(WAIT).untilAsserted(() -> assertThat(letterFor("mixedescape")).singleElement()
                .satisfies(m -> assertThat(m.messageAttributes().get("ErrorClass").stringValue())
                        .isEqualTo("invalid-key")));
    }

    @Test
    void theTestEventIsDroppedQuietly() {
        stack.send(S3Events.testEvent("quiet-test-event"));

        await().atMost(WAIT).until(stack::queueDrained);
        assertThat(letterFor("quiet-test-event")).isEmpty();
    }

    private static List<Message> letterFor(String marker) {
        return stack.deadLetters().stream().filter(m -> m.body().contains(marker)).toList();
    }

    /** An event whose bucket and key name the marker, so that it is found whatever part a test breaks. */
    private static String event(String marker, String eventName, String sequencer) {
        return S3Events.created(marker + "-bucket", "users/" + marker + "/a.jpg", 10, "0123456789abcdef", sequencer)
                .replace("ObjectCreated:Put", eventName);
    }
}
