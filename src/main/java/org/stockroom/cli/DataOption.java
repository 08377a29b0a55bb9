package org.stockroom.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --data DIR}: which store a command works on (default: ./data, or the configured datasource). */
final class DataOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded database (default ./data).")
    Path dataDir;

    StoreSession open() {
        return StockroomCommand.sessions(command).open(dataDir);
    }
}
