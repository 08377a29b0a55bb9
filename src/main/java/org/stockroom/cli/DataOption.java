package org.stockroom.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: which store a command works on (default: ./data, or the configured datasource). */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded database (default ./data).")
    Path dataDir;

    StoreSession open() {
        return StoreSession.open(dataDir);
    }
}
