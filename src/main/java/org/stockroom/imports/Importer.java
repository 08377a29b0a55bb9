package org.stockroom.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.CatalogProperties;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanges;
import org.stockroom.settings.Settings;
import org.stockroom.settings.StoreSettings;
import org.stockroom.stock.AdjustmentReason;
import org.stockroom.stock.Stock;
import org.stockroom.stock.StockChange;
import org.stockroom.support.Actors;
import org.stockroom.support.DomainException;
import org.stockroom.support.Ids;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.NotFoundException;
import org.stockroom.support.StockroomProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog imports. A file is first planned against the catalog (what would be created, what would
 * change field by field, what is invalid); a dry run answers the plan, an import applies it in one
 * transaction, or nothing when a row is invalid (unless invalid rows are skipped). Stock in the
 * file is a count: differences enter the ledger as COUNT adjustments (RECEIPTs for new products),
 * so alerts follow the usual rules. Importing the same file again finds nothing to change.
 */
@Service
public class Importer {

    /** Options of one import. {@code delimiter} null means guess from the header row. */
    public record Request(byte[] file, ImportFormat format, Character delimiter, boolean dryRun, boolean skipInvalid) {
        public Request {
            Objects.requireNonNull(file, "file");
            if (file.length == 0) {
                throw new InvalidRequestException("file", "is empty");
            }
            if (file.length > CatalogFileReader.MAX_BYTES) {
                throw new InvalidRequestException(
                        "file", "is larger than " + CatalogFileReader.MAX_BYTES / (1024 * 1024) + " MB");
            }
        }
    }

    static final int LOOKUP_CHUNK = 500;

    private final Catalog catalog;
    private final java.util.Map<String, Counter> rows;
    private final Stock stock;
    private final ImportRepository imports;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Actors actors;
    private final Clock clock;
    private final StockroomProperties properties;
    private final CatalogProperties configuredDefaults;
    private final Settings storeSettings;

    Importer(
            Catalog catalog,
            Stock stock,
            ImportRepository imports,
            TransactionTemplate transaction,
            JsonMapper json,
            Actors actors,
            Clock clock,
            StockroomProperties properties,
            CatalogProperties configuredDefaults,
            Settings storeSettings,
            ObjectProvider<MeterRegistry> meterRegistry) {
        this.configuredDefaults = configuredDefaults;
        this.storeSettings = storeSettings;
        this.catalog = catalog;
        MeterRegistry registry = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
        this.rows = new java.util.HashMap<>();
        for (String outcome : List.of("created", "updated", "unchanged", "skipped")) {
            rows.put(
                    outcome,
                    Counter.builder("stockroom.imports.rows")
                            .description("Rows of applied catalog imports by outcome")
                            .tag("outcome", outcome)
                            .register(registry));
        }
        this.stock = stock;
        this.imports = imports;
        this.transaction = transaction;
        this.json = json;
        this.actors = actors;
        this.clock = clock;
        this.properties = properties;
    }

    public ImportReport run(Request request) {
        ParsedFile file = CatalogFileReader.read(request.file(), request.format(), request.delimiter());
        if (request.dryRun()) {
            return plan(file).report(null, true, false);
        }
        ImportReport report = transaction.execute(status -> apply(file, request.skipInvalid()));
        count(report);
        return report;
    }

    /** Rows of applied imports by what became of them; dry runs and refused files change nothing and count nothing. */
    private void count(ImportReport report) {
        rows.get("created")
                .increment(report.created() == null ? 0 : report.created().size());
        rows.get("updated")
                .increment(report.updated() == null ? 0 : report.updated().size());
        rows.get("unchanged").increment(report.unchanged());
        rows.get("skipped")
                .increment(report.skipped() == null ? 0 : report.skipped().size());
    }

    public ImportReport get(String id) {
        return json.readValue(stored(id).report(), ImportReport.class);
    }

    private ImportRepository.StoredImport stored(String id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("unknown-import", "No import with id " + id));
    }

    private ImportReport apply(ParsedFile file, boolean skipInvalid) {
        Plan plan = plan(file);
        if (!plan.invalid.isEmpty() && !skipInvalid) {
            ImportReport report = plan.report(null, false, false);
            throw new DomainException(
                    DomainException.Kind.UNPROCESSABLE,
                    "invalid-import",
                    plan.invalid.size() + " row(s) are invalid; nothing was imported. "
                            + "Fix them, or import with skipInvalid=true to import the valid rows only.",
                    reportProperties(report));
        }
        String id = Ids.newId(clock);
        String note = "import " + id;
        List<ImportRepository.Effect> effects = new ArrayList<>();
        catalog.addAll(plan.creates);
        for (NewProduct create : plan.creates) {
            effects.add(new ImportRepository.Effect(create.sku(), true, null, create.stock()));
        }
        // The file's stock is a count: the database sets it and computes the difference in one
        // statement, so a sale committed since the plan was read is not undone by a stale delta.
        List<StockChange> counts = plan.updates.stream()
                .filter(u -> u.countedStock != null)
                .map(u -> StockChange.count(u.sku, u.countedStock, AdjustmentReason.COUNT, note))
                .toList();
        Map<String, Long> countedDelta = new HashMap<>();
        if (!counts.isEmpty()) {
            stock.apply(counts)
                    .forEach(a -> countedDelta.put(
                            a.product().sku().value(), a.movement().delta()));
        }
        for (PlannedUpdate update : plan.updates) {
            Map<String, Object> previous = new LinkedHashMap<>();
            update.diff.forEach((field, values) -> previous.put(field, values.get(0)));
            if (update.fieldsChanged()) {
                catalog.update(update.sku, update.changes);
            }
            effects.add(new ImportRepository.Effect(
                    update.sku, false, json.writeValueAsString(previous), countedDelta.getOrDefault(update.sku, 0L)));
        }
        ImportReport report = plan.report(id, false, true);
        imports.insert(
                id,
                file.format(),
                actors.current(),
                json.writeValueAsString(report),
                imports.highestMovementId(),
                clock.millis(),
                effects);
        return report;
    }

    /**
     * Undoes an applied import while nothing happened since to its products: stock changes are
     * reversed by compensating adjustments, changed fields get their old values back, and products
     * the import created are archived (their history stays).
     */
    public ImportReport undo(String id) {
        return transaction.execute(status -> {
            ImportRepository.StoredImport stored = stored(id);
            if (stored.undoneAt() != null) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT, "import-undone", "Import " + id + " was already undone");
            }
            List<String> touched = imports.touchedSince(id, stored.movementMark(), stored.createdAt());
            if (!touched.isEmpty()) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT,
                        "import-superseded",
                        "Later changes touch products of this import ("
                                + String.join(", ", touched.subList(0, Math.min(10, touched.size())))
                                + (touched.size() > 10 ? ", ..." : "")
                                + "); undo them first or adjust by hand",
                        Map.of("skus", touched));
            }
            if (!imports.markUndone(id, clock.millis())) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT, "import-undone", "Import " + id + " was already undone");
            }
            String note = "undo of import " + id;
            List<StockChange> reversals = new ArrayList<>();
            List<ImportRepository.Effect> effects = imports.effects(id);
            for (ImportRepository.Effect effect : effects) {
                if (effect.stockDelta() != 0) {
                    reversals.add(
                            StockChange.adjustment(effect.sku(), -effect.stockDelta(), AdjustmentReason.OTHER, note));
                }
            }
            if (!reversals.isEmpty()) {
                stock.apply(reversals);
            }
            for (ImportRepository.Effect effect : effects) {
                if (effect.created()) {
                    catalog.archive(effect.sku());
                } else if (effect.previous() != null) {
                    catalog.update(effect.sku(), previousValues(json.readValue(effect.previous(), Map.class)));
                }
            }
            return get(id);
        });
    }

    private Plan plan(ParsedFile file) {
        Map<String, Product> existing = new HashMap<>();
        List<String> skus = file.rows().stream().map(ImportRow::sku).toList();
        for (int i = 0; i < skus.size(); i += LOOKUP_CHUNK) {
            catalog.findAll(skus.subList(i, Math.min(skus.size(), i + LOOKUP_CHUNK)))
                    .forEach(p -> existing.put(p.sku().value(), p));
        }
        Plan plan = new Plan(file);
        for (ImportRow row : file.rows()) {
            int defaultedBefore = plan.defaulted.size();
            try {
                Product current = existing.get(row.sku());
                if (current == null) {
                    plan.create(newProduct(row, plan));
                } else if (current.archived()) {
                    plan.invalid(row, row.sku() + " is archived; restore it before importing it");
                } else {
                    plan.update(current, row);
                }
            } catch (InvalidRequestException e) {
                plan.invalid(row, describe(e));
                plan.defaulted.subList(defaultedBefore, plan.defaulted.size()).clear();
            }
        }
        return plan;
    }

    private NewProduct newProduct(ImportRow row, Plan plan) {
        List<InvalidRequestException.FieldError> missing = new ArrayList<>();
        if (row.name() == null) {
            missing.add(new InvalidRequestException.FieldError("name", "is required for a new product"));
        }
        if (row.price() == null) {
            missing.add(new InvalidRequestException.FieldError("price", "is required for a new product"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        checkScale("price", row.price());
        checkScale("cost", row.cost());
        boolean useDefaults = row.reorderThreshold() == null;
        NewProduct product = new NewProduct(
                row.sku(),
                row.name(),
                row.price(),
                // A bundle's stock is its components': the cell (an export writes it empty) is not its own.
                row.stock() == null || isBundle(row) ? 0L : row.stock(),
                useDefaults ? plan.defaultThreshold : row.reorderThreshold(),
                row.cost(),
                useDefaults && row.reorderQuantity() == null ? plan.defaultQuantity : row.reorderQuantity(),
                row.leadTimeDays(),
                row.supplier(),
                row.barcode(),
                row.group(),
                row.options(),
                row.stockTracked(),
                row.components(),
                row.imageUrl());
        if (useDefaults) {
            plan.defaulted.add(product.sku());
        }
        return product;
    }

    private static boolean isBundle(ImportRow row) {
        return row.components() != null && !row.components().isEmpty();
    }

    private void checkScale(String field, BigDecimal amount) {
        if (amount != null && amount.stripTrailingZeros().scale() > properties.currencyScale()) {
            throw new InvalidRequestException(
                    field, "must have at most " + properties.currencyScale() + " decimal places");
        }
    }

    private static String describe(InvalidRequestException e) {
        return String.join(
                "; ",
                e.errors().stream().map(f -> f.field() + " " + f.message()).toList());
    }

    private static Map<String, Object> reportProperties(ImportReport report) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("format", report.format());
        properties.put("dryRun", false);
        properties.put("created", report.created());
        properties.put("updated", report.updated());
        properties.put("unchanged", report.unchanged());
        properties.put("invalid", report.invalid());
        properties.put("skipped", report.skipped());
        if (report.defaultsApplied() != null) {
            properties.put("defaultsApplied", report.defaultsApplied());
        }
        properties.put("untracked", report.untracked());
        properties.put("warnings", report.warnings());
        return properties;
    }

    @SuppressWarnings("unchecked")
    private ProductChanges previousValues(Map<?, ?> previous) {
        Map<String, Object> values = (Map<String, Object>) previous;
        return new ProductChanges(
                (String) values.get("name"),
                values.containsKey("price") ? new BigDecimal(values.get("price").toString()) : null,
                values.containsKey("reorderThreshold") ? ((Number) values.get("reorderThreshold")).longValue() : null,
                values.containsKey("cost")
                        ? Optional.ofNullable(values.get("cost")).map(v -> new BigDecimal(v.toString()))
                        : null,
                values.containsKey("reorderQuantity")
                        ? Optional.ofNullable((Number) values.get("reorderQuantity"))
                                .map(Number::longValue)
                        : null,
                values.containsKey("leadTimeDays")
                        ? Optional.ofNullable((Number) values.get("leadTimeDays"))
                                .map(Number::intValue)
                        : null,
                values.containsKey("supplier") ? Optional.ofNullable((String) values.get("supplier")) : null,
                values.containsKey("barcode") ? Optional.ofNullable((String) values.get("barcode")) : null,
                values.containsKey("group") ? Optional.ofNullable((String) values.get("group")) : null,
                values.containsKey("options") ? Optional.of((Map<String, String>) values.get("options")) : null,
                values.containsKey("imageUrl") ? Optional.ofNullable((String) values.get("imageUrl")) : null);
    }

    /** An existing product the file changes: its fields, and its stock as a counted quantity. */
    private record PlannedUpdate(
            String sku, ProductChanges changes, Long countedStock, Map<String, List<Object>> diff) {
        boolean fieldsChanged() {
            return diff.keySet().stream().anyMatch(f -> !f.equals("stock"));
        }
    }

    private final class Plan {
        final ParsedFile file;
        final List<NewProduct> creates = new ArrayList<>();
        final List<PlannedUpdate> updates = new ArrayList<>();
        final List<ImportReport.Problem> invalid = new ArrayList<>();
        final List<String> defaulted = new ArrayList<>();
        /** The defaults of this import: those saved in the settings, else the configuration's. */
        final long defaultThreshold;

        final Long defaultQuantity;
        long unchanged;

        Plan(ParsedFile file) {
            this.file = file;
            StoreSettings saved = storeSettings.current();
            this.defaultThreshold = saved.defaultReorderThreshold() != null
                    ? saved.defaultReorderThreshold()
                    : configuredDefaults.defaultReorderThreshold();
            this.defaultQuantity = saved.defaultReorderQuantity() != null
                    ? saved.defaultReorderQuantity()
                    : configuredDefaults.defaultReorderQuantity();
            invalid.addAll(file.invalid());
        }

        void create(NewProduct product) {
            creates.add(product);
        }

        void invalid(ImportRow row, String reason) {
            invalid.add(new ImportReport.Problem(row.line(), reason));
        }

        /**
         * Plans the changes a row makes to an existing product. Every field the row gives is checked
         * by the same rules as the API's, whether or not it differs from the product (a row is
         * invalid or valid as a whole); stock is a count, within what an adjustment accepts.
         */
        void update(Product current, ImportRow row) {
            ProductChanges given = new ProductChanges(
                    row.name(),
                    row.price(),
                    row.reorderThreshold(),
                    Optional.ofNullable(row.cost()),
                    Optional.ofNullable(row.reorderQuantity()),
                    Optional.ofNullable(row.leadTimeDays()),
                    Optional.ofNullable(row.supplier()),
                    Optional.ofNullable(row.barcode()),
                    Optional.ofNullable(row.group()),
                    Optional.ofNullable(row.options()),
                    Optional.ofNullable(row.imageUrl()));
            checkScale("price", row.price());
            checkScale("cost", row.cost());
            if (row.stock() != null && (row.stock() < 0 || row.stock() > NewProduct.MAX_UNITS)) {
                throw new InvalidRequestException(
                        "stock",
                        "must be a whole number from 0 to " + NewProduct.MAX_UNITS + " (the file says " + row.stock()
                                + ")");
            }
            Map<String, List<Object>> diff = new LinkedHashMap<>();
            ProductChanges changes = ProductChanges.none();
            String name = given.name();
            if (name != null && !name.equals(current.name())) {
                diff.put("name", values(current.name(), name));
                changes = changes.withName(name);
            }
            if (row.price() != null && row.price().compareTo(current.price()) != 0) {
                diff.put("price", values(current.price(), row.price()));
                changes = changes.withPrice(row.price());
            }
            if (row.reorderThreshold() != null && row.reorderThreshold() != current.reorderThreshold()) {
                diff.put("reorderThreshold", values(current.reorderThreshold(), row.reorderThreshold()));
                changes = changes.withReorderThreshold(row.reorderThreshold());
            }
            Optional<BigDecimal> cost = null;
            if (row.cost() != null && (current.cost() == null || row.cost().compareTo(current.cost()) != 0)) {
                diff.put("cost", values(current.cost(), row.cost()));
                cost = Optional.of(row.cost());
            }
            Optional<Long> reorderQuantity =
                    changed(diff, "reorderQuantity", current.reorderQuantity(), row.reorderQuantity());
            Optional<Integer> leadTime = changed(diff, "leadTimeDays", current.leadTimeDays(), row.leadTimeDays());
            Optional<String> supplier = changed(
                    diff, "supplier", current.supplier(), given.supplier().orElse(null));
            Optional<String> barcode =
                    changed(diff, "barcode", current.barcode(), given.barcode().orElse(null));
            Optional<String> group =
                    changed(diff, "group", current.group(), given.group().orElse(null));
            Optional<String> imageUrl = changed(
                    diff, "imageUrl", current.imageUrl(), given.imageUrl().orElse(null));
            Optional<Map<String, String>> options = null;
            if (row.options() != null && !given.options().orElseThrow().equals(current.options())) {
                diff.put("options", values(current.options(), given.options().orElseThrow()));
                options = given.options();
            }
            changes = new ProductChanges(
                    changes.name(),
                    changes.price(),
                    changes.reorderThreshold(),
                    cost,
                    reorderQuantity,
                    leadTime,
                    supplier,
                    barcode,
                    group,
                    options,
                    imageUrl);
            if (row.components() != null && !row.components().equals(current.components())) {
                // A recipe never changes: held reservations and past sales expand by it.
                throw new InvalidRequestException(
                        "components",
                        "a product's components cannot change (the file says \""
                                + java.util.Objects.toString(BundleComponent.format(row.components()), "")
                                + "\", the product has \""
                                + java.util.Objects.toString(BundleComponent.format(current.components()), "")
                                + "\")");
            }
            Long countedStock = null;
            if (row.stock() != null && !current.isBundle() && row.stock() != current.stock()) {
                diff.put("stock", values(current.stock(), row.stock()));
                countedStock = row.stock();
            }
            if (diff.isEmpty()) {
                unchanged++;
            } else {
                updates.add(new PlannedUpdate(current.sku().value(), changes, countedStock, diff));
            }
        }

        private <T> Optional<T> changed(Map<String, List<Object>> diff, String field, T current, T given) {
            if (given == null || given.equals(current)) {
                return null;
            }
            diff.put(field, values(current, given));
            return Optional.of(given);
        }

        private List<Object> values(Object before, Object after) {
            List<Object> pair = new ArrayList<>(2);
            pair.add(before);
            pair.add(after);
            return pair;
        }

        ImportReport report(String id, boolean dryRun, boolean applied) {
            return new ImportReport(
                    id,
                    file.format(),
                    dryRun,
                    applied,
                    creates.stream().map(NewProduct::sku).toList(),
                    updates.stream()
                            .map(u -> new ImportReport.Update(u.sku, u.diff))
                            .toList(),
                    unchanged,
                    List.copyOf(invalid),
                    file.skipped(),
                    defaulted.isEmpty()
                            ? null
                            : new ImportReport.Defaults(defaultThreshold, defaultQuantity, List.copyOf(defaulted)),
                    creates.stream()
                            .filter(p -> !p.stockTracked())
                            .map(NewProduct::sku)
                            .toList(),
                    file.warnings());
        }
    }
}
