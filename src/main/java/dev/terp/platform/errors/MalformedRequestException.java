package dev.terp.platform.errors;

public class MalformedRequestException extends ApiException {

    public MalformedRequestException(String detail) {
        super(ErrorCode.MALFORMED_REQUEST, detail);
    }
}
