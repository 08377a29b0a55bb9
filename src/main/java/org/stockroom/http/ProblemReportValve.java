package org.stockroom.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any servlet sees the request (an encoded slash, {@code %00}
 * or bad UTF-8 in the path, a request line or header too long or malformed, TRACE): for the API
 * these become Problem Details like every other error; pages keep Tomcat's bare report, without
 * server details.
 */
public final class ProblemReportValve extends ErrorReportValve {

    /** Public, as the host may create it by its class name. */
    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !forTheApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorCodes.problemJson(status, reason(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response could not be written: nothing more to say to it.
        }
    }

    /**
     * The raw path, as sent: a request refused for its path still says whether it was meant for the
     * API. One refused before its path could be read (a request line too long) gets Problem Details
     * too: nobody can tell, and a script is likelier to send such a thing than a person.
     */
    private static boolean forTheApi(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null || uri.isEmpty() || uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api;");
    }

    private static String reason(int status) {
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        return reason == null || reason.startsWith("http.") ? "Error" : reason;
    }

    /** Puts the valve in place of Boot's, after Boot has added its own. */
    @Component
    static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                // The host adds a default valve at start unless one of exactly this class is in place.
                if (context.getParent() instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
