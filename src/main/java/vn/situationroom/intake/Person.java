package vn.situationroom.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The citizen behind an event: personal data. It is stored, apart from the event, but never written to the analytics
 * topics; the stream sees only {@link ReceptionEvent#personHash()}.
 *
 * @param name the citizen's full name
 * @param idNumber the number of the citizen's identity card: 9 digits (CMND) or 12 (CCCD)
 * @param phone a phone number
 * @param address the citizen's address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String name, String idNumber, String phone, String address) {

    /** A person with nothing but blanks would identify no one. */
    @JsonIgnore
    public boolean isEmpty() {
        return isBlank(name) && isBlank(idNumber) && isBlank(phone) && isBlank(address);
    }

    @Override
    public String toString() {
        return "Person[redacted]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
