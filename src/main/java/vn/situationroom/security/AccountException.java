package vn.situationroom.security;

/**
 * A change of an account or a token that cannot be made, naming the field and a stable code that the screens
 * translate ({@code admin.error.<code>}).
 */
public final class AccountException extends IllegalArgumentException {

    private final String field;
    private final String code;

    AccountException(String field, String code, String message) {
        super(field + ": " + message);
        this.field = field;
        this.code = code;
    }

    /** The field at fault. */
    public String field() {
        return field;
    }

    /** The stable code of the problem. */
    public String code() {
        return code;
    }
}
