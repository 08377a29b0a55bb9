package org.stockroom.http;

/** The stable {@code code} of an error answer that only has a status, as the framework's and the server's own. */
public final class ErrorCodes {

    private ErrorCodes() {}

    public static String of(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 501 -> "not-implemented";
            case 503 -> "unavailable";
            default -> status >= 400 && status < 500 ? "client-error" : "internal-error";
        };
    }

    /**
     * What to tell a client about an error that happened outside any handler of ours. A server
     * error there says nothing about changes: the store cannot know whether any were made.
     */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its address, headers or body) and was not processed.";
            case 401 -> "Sign in, or send valid credentials.";
            case 403 -> "Your role does not allow this request.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 414 -> "The address is too long.";
            case 431 -> "The request headers are too large.";
            default ->
                status >= 500
                        ? "Something went wrong on our side."
                        : "The request was not accepted (status " + status + ").";
        };
    }

    /** Problem Details for an error that has only a status, as JSON text. */
    public static String problemJson(int status, String reason) {
        String code = of(status);
        return "{\"type\":\"https://stockroom.dev/problems/" + code + "\",\"title\":\"" + json(reason)
                + "\",\"status\":" + status + ",\"detail\":\"" + json(detail(status)) + "\",\"code\":\"" + code
                + "\"}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
