package org.stockroom.support;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("size", "must be between 1 and 500");
        }
    }
}
