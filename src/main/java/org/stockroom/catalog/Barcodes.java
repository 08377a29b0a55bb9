package org.stockroom.catalog;

/**
 * Barcode checks. Shops use many symbologies (Code 128, QR, their own labels), so no format is
 * refused; but a code of 12 or 13 digits is almost certainly a UPC-A or an EAN-13, whose last digit
 * is a check digit, and a wrong one is nearly always a typing or scanning mistake worth pointing out.
 */
public final class Barcodes {

    private Barcodes() {}

    /** A warning about {@code code}, or null when there is nothing to say. */
    public static String warning(String code) {
        if (code == null || !code.matches("[0-9]{12,13}")) {
            return null;
        }
        int expected = checkDigit(code.substring(0, code.length() - 1));
        int actual = code.charAt(code.length() - 1) - '0';
        if (expected == actual) {
            return null;
        }
        return "barcode " + code + " looks like " + (code.length() == 13 ? "an EAN-13" : "a UPC-A")
                + " but its check digit should be " + expected;
    }

    /**
     * The GS1 check digit: digits weighted 3 and 1 alternately from the right, the amount that
     * brings the sum to a multiple of ten. The same rule serves UPC-A (11 digits) and EAN-13 (12).
     */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
