package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StockroomCommandTests {

    private static final StoreSession.Opener NO_STORE = dataDir -> {
        throw new AssertionError("no command here opens the store");
    };

    private static CommandLine forArguments(String... args) {
        return StockroomCommand.forArguments(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), NO_STORE, args);
    }

    @Test
    void aRunThatNamesItsCommandKnowsThatCommandAloneWithTheSameOptions() {
        Map<String, CommandLine> every = forArguments().getSubcommands();
        assertThat(every).containsKeys("serve", "products", "purchase", "report", "po", "channels", "help");
        for (Map.Entry<String, CommandLine> command : every.entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            CommandLine alone = forArguments(command.getKey(), "--help");
            Set<String> expected =
                    new TreeSet<>(Set.of(command.getValue().getCommandSpec().aliases()));
            expected.add(command.getValue().getCommandName());
            assertThat(new TreeSet<>(alone.getSubcommands().keySet()))
                    .as(command.getKey())
                    .isEqualTo(expected);
            assertThat(alone.getSubcommands().get(command.getKey()).getUsageMessage())
                    .isEqualTo(command.getValue().getUsageMessage());
        }
    }

    @Test
    void aRunWithoutACommandItKnowsGetsEveryCommandForTheUsageAndTheSuggestions() {
        Set<String> every = forArguments().getSubcommands().keySet();
        for (String first : new String[] {"--help", "--version", "prodcts", "help"}) {
            assertThat(forArguments(first).getSubcommands().keySet()).as(first).isEqualTo(every);
        }
    }

    @Test
    void helpForOneCommandStillFindsIt() {
        StringWriter out = new StringWriter();
        int exit = StockroomCommand.forArguments(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        NO_STORE,
                        "help",
                        "products")
                .execute("help", "products");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: stockroom products");
    }
}
