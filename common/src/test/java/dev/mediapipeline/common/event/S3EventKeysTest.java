package dev.mediapipeline.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EventKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "users/u/a.jpg|users/u/a.jpg",
            "users/u/my photo.jpg|users/u/my+photo.jpg",
            "users/u/a+b.jpg|users/u/a%2Bb.jpg",
            "users/u/été 😀.jpg|users/u/%C3%A9t%C3%A9+%F0%9F%98%80.jpg",
            "users/u/100%=(1).jpg|users/u/100%25%3D%281%29.jpg",
    })
    void encodesKeysAsS3DoesInEvents(String key, String encoded) {
        assertThat(S3EventKeys.encode(key)).isEqualTo(encoded);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).as("consumers decode it back").isEqualTo(key);
    }
}
