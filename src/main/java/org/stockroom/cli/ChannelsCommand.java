package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stockroom.channels.Channel;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "channels",
        mixinStandardHelpOptions = true,
        description = "Sales channels (Shopify, WooCommerce): list them, or ask for a sync.",
        subcommands = {ChannelsCommand.ListChannels.class, ChannelsCommand.SyncChannels.class})
class ChannelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every connected channel: status, last sync, SKUs listed, pushes waiting.")
    static class ListChannels extends StoreCommand {

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        int run(StoreSession session, PrintWriter out) {
            List<Channel> channels = session.store().channels().list();
            if (json) {
                Output.json(out, channels);
                return 0;
            }
            if (channels.isEmpty()) {
                out.println("No sales channels. Connect one on the Channels page or with POST /api/channels.");
                return 0;
            }
            var zone = session.bean(StockroomProperties.class).timezone();
            Table table =
                    new Table("ID", "TYPE", "NAME", "STATUS", "LAST SYNC", "SYNC ERROR", "SKUS", "WAITING").right(6, 7);
            channels.forEach(c -> table.row(
                    c.id(),
                    c.type(),
                    c.name(),
                    c.status(),
                    Output.time(c.lastSyncAt(), zone),
                    c.lastSyncError() == null ? "" : c.lastSyncError(),
                    c.listedSkus(),
                    c.pendingPushes()));
            table.print(out);
            return 0;
        }
    }

    @Command(
            name = "sync",
            mixinStandardHelpOptions = true,
            description =
                    "Asks for a sync (catalog read, SKU mapping, push of available stock, drift log) of one channel "
                            + "or of all; the running server does it within seconds.")
    static class SyncChannels extends StoreCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The channel; omit with --all.")
        String id;

        @Option(names = "--all", description = "Every connected channel.")
        boolean all;

        @Override
        int run(StoreSession session, PrintWriter out) {
            if (all == (id != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Name one channel ID, or give --all.");
            }
            if (all) {
                int n = session.store().channels().requestSyncOfAll();
                out.println("Sync requested for " + n + " channel(s); the running server syncs them.");
                return 0;
            }
            Channel channel = session.store().channels().requestSync(id);
            out.println(
                    "Sync requested for " + channel.name() + " (" + channel.id() + "); the running server syncs it.");
            return 0;
        }
    }
}
