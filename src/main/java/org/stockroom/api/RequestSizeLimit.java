package org.stockroom.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.StockroomProperties;

/**
 * Refuses request bodies larger than {@code stockroom.max-body-size} (1MB unless set) while they
 * are read, so that a huge body is a 400 and never sits whole in memory: the JSON parser would
 * otherwise accept strings of up to 100 million characters before any field rule could refuse
 * them. Multipart uploads have their own limits ({@code spring.servlet.multipart.*}).
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(StockroomProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart =
                type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        chain.doFilter(multipart ? request : new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), getContentLengthLong(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream body;
        private final long declared;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream body, long declared, long maxBytes) {
            this.body = body;
            this.declared = declared;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = body.read();
            if (b >= 0) {
                check(++read);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                check(read);
            }
            return n;
        }

        /** A declared length over the limit is refused before a byte is read; a chunked body once it passes the limit. */
        private void check(long bytes) {
            if (declared > maxBytes || bytes > maxBytes) {
                throw new InvalidRequestException("body", "must be at most " + maxBytes + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
