package dev.mediapipeline.common.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MediaKeyTest {

    @Test
    void takesUserAndMediaIdFromTheKeyExactly() throws Exception {
        MediaKey key = MediaKey.parse("users/alice_01/2024/Summer Trip/IMG 0001 +café.JPG");

        assertThat(key.userId()).isEqualTo("alice_01");
        assertThat(key.mediaId()).isEqualTo("2024/Summer Trip/IMG 0001 +café.JPG");
        assertThat(key.s3Key()).isEqualTo("users/alice_01/2024/Summer Trip/IMG 0001 +café.JPG");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "photos/a.jpg|outside users/",
            "users/alice|no media path",
            "users//a.jpg|user id must match",
            "users/al.ice/a.jpg|user id must match",
            "users/alice/|empty, '.' or '..' segment",
            "users/alice/a//b.jpg|empty, '.' or '..' segment",
            "users/alice/../bob/a.jpg|empty, '.' or '..' segment",
            "users/alice/./a.jpg|empty, '.' or '..' segment"})
    void rejectsKeysOutsideTheLayoutWithAReason(String key, String reason) {
        assertThatThrownBy(() -> MediaKey.parse(key)).isInstanceOf(KeyLayoutException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users/alice/a\u0000.jpg", "users/alice/line\nbreak.jpg", "users/alice/\u007f.jpg"})
    void rejectsControlCharacters(String key) {
        assertThatThrownBy(() -> MediaKey.parse(key)).hasMessageContaining("control characters");
    }

    @Test
    void rejectsUserIdsAndKeysThatAreTooLong() {
        assertThatThrownBy(() -> MediaKey.parse("users/" + "u".repeat(129) + "/a.jpg"))
                .hasMessageContaining("user id must match");
        assertThatThrownBy(() -> MediaKey.parse("users/alice/" + "é".repeat(507)))
                .hasMessageContaining("longer than 1024 bytes");
    }
}
