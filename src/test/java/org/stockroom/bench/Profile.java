package org.stockroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording of a server under purchase load and prints where its request and
 * writer threads spent their samples: by part (the package of the innermost frame that belongs
 * to a known part), the hottest frames themselves, and the hottest Stockroom and Spring Security
 * frames counting everything they call.
 */
final class Profile {

    private Profile() {}

    /** The parts, innermost first: a frame's part is the first prefix it starts with. */
    private static final List<String[]> PARTS = List.of(
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"org.sqlite.", "SQLite JDBC driver"},
            new String[] {"com.zaxxer.hikari.", "connection pool"},
            new String[] {"tools.jackson.", "Jackson"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"org.hibernate.validator.", "bean validation"},
            new String[] {"io.micrometer.", "Micrometer observations"},
            new String[] {"org.springframework.security.crypto.", "password hashing"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.apache.catalina.session.", "HTTP session"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.springframework.jdbc.", "Spring JDBC"},
            new String[] {"org.springframework.transaction.", "Spring transactions"},
            new String[] {"org.stockroom.", "Stockroom"},
            new String[] {"org.springframework.web.", "Spring MVC"},
            new String[] {"org.springframework.http.", "Spring MVC"},
            new String[] {"org.springframework.", "Spring, other"},
            new String[] {"org.apache.", "Tomcat"});

    static void print(Path recording) throws IOException {
        Map<String, Integer> parts = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null
                    ? ""
                    : String.valueOf(event.getThread("sampledThread").getJavaName());
            if (!thread.startsWith("http-nio") && !thread.startsWith("purchase-writer")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String part = "JDK and other";
            found:
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                for (String[] p : PARTS) {
                    if (type.startsWith(p[0])) {
                        part = p[1];
                        break found;
                    }
                }
            }
            parts.merge(part, 1, Integer::sum);
            if (!frames.isEmpty()) {
                leaves.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if ((name.startsWith("org.stockroom.") || name.startsWith("org.springframework.security."))
                        && !name.contains("$$SpringCGLIB$$")) {
                    seen.add(name);
                }
            }
            seen.forEach(name -> inclusive.merge(name, 1, Integer::sum));
        }
        System.out.printf("%nprofile: %d samples of request and purchase-writer threads%n", samples);
        print("by part (innermost known frame)", parts, samples, 20);
        print("hottest frames (self)", leaves, samples, 15);
        print("Stockroom and Spring Security frames, with what they call", inclusive, samples, 25);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e ->
                        System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
