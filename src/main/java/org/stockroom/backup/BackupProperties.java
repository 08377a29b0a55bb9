package org.stockroom.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled backups ({@code stockroom.backup.*}).
 *
 * @param cron when the server takes a backup (a Spring cron expression, in the server's time
 *     zone); {@code -} (the default) takes none
 * @param directory where scheduled backups go; absent: {@code backups} inside the data directory
 * @param keep how many scheduled backups are kept; older ones are deleted after each new one
 */
@ConfigurationProperties("stockroom.backup")
public record BackupProperties(
        @DefaultValue("-") String cron,
        Path directory,
        @DefaultValue("7") int keep) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("stockroom.backup.keep must be at least 1");
        }
    }
}
