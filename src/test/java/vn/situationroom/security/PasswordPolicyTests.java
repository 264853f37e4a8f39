package vn.situationroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A password an officer sets: long enough, within bcrypt's 72 bytes, not a common one, not the username. */
class PasswordPolicyTests {

    @Test
    void a_long_enough_uncommon_password_is_taken() {
        assertThatCode(() -> PasswordPolicy.check("congan", "Sông Hậu mùa nước nổi 2026"))
                .doesNotThrowAnyException();
    }

    @Test
    void bcrypts_72_bytes_are_the_limit_counted_in_utf8_not_in_characters() {
        String seventyTwoBytes = "ệ".repeat(24);
        assertThat(seventyTwoBytes.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThatCode(() -> PasswordPolicy.check("congan", seventyTwoBytes)).doesNotThrowAnyException();
        // 25 characters, 75 bytes: bcrypt would ignore the last three, so the password is refused with a reason.
        assertThatThrownBy(() -> PasswordPolicy.check("congan", "ệ".repeat(25)))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.code()).isEqualTo("password-long"));
    }

    @Test
    void a_common_password_is_refused_whatever_its_case() {
        for (String common : new String[] {"qwertyuiop", "Password123", "1234567890", "MATKHAU123"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("congan", common))
                    .as(common)
                    .isInstanceOfSatisfying(
                            AccountException.class, e -> assertThat(e.code()).isEqualTo("password-common"));
        }
    }

    @Test
    void a_short_password_or_one_with_the_username_is_refused() {
        assertThatThrownBy(() -> PasswordPolicy.check("congan", "ngắn quá"))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.code()).isEqualTo("password-short"));
        assertThatThrownBy(() -> PasswordPolicy.check("congan", "CongAn-cau-ngang-2026"))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.code()).isEqualTo("password-username"));
    }
}
