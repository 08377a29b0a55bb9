package org.stockroom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code report <kind>}: each report is its own subcommand class. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Reports on what sold and what is in stock.",
        // One report per line, so that reports added in parallel merge without conflict.
        subcommands = {
            SalesReportCommand.class,
            DailyReportCommand.class,
            SlowReportCommand.class,
            ValuationReportCommand.class,
            ReorderReportCommand.class,
        })
class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
