package vn.situationroom.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a citizen into a salted hash (HMAC-SHA256 with a secret key), so that analytics can tell that the same person
 * came again without ever learning who it is. Without the key a hash cannot be matched against a list of names or
 * identity numbers.
 */
public final class PersonHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public PersonHasher(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the person-hash salt must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * The hash of a person, 64 hex digits. The identity number identifies a citizen when it is given; otherwise the
     * name with the phone, or the name with the address, written the same way however it was typed.
     */
    public String hash(Person person) {
        String identity;
        if (present(person.idNumber())) {
            identity = "id:" + digits(person.idNumber());
        } else if (present(person.phone())) {
            identity = "name-phone:" + words(person.name()) + "|" + nationalNumber(person.phone());
        } else {
            identity = "name-address:" + words(person.name()) + "|" + words(person.address());
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    /** +84 912 345 678 and 0912 345 678 are the same phone. */
    private static String nationalNumber(String phone) {
        String digits = digits(phone);
        return digits.startsWith("84") && digits.length() >= 11 ? "0" + digits.substring(2) : digits;
    }

    private static String words(String value) {
        if (value == null) {
            return "";
        }
        String composed = Normalizer.normalize(value, Normalizer.Form.NFC);
        return composed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
