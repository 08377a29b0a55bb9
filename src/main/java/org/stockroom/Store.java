package org.stockroom;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
import org.stockroom.accounts.Audit;
import org.stockroom.accounts.LoginThrottle;
import org.stockroom.accounts.SecondFactor;
import org.stockroom.accounts.Tokens;
import org.stockroom.accounts.Users;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.alerts.AlertStream;
import org.stockroom.alerts.Alerts;
import org.stockroom.backup.Backups;
import org.stockroom.catalog.Catalog;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanges;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.catalog.StockCounts;
import org.stockroom.channels.Channels;
import org.stockroom.imports.CatalogExport;
import org.stockroom.imports.Importer;
import org.stockroom.notifications.Webhooks;
import org.stockroom.purchasing.Purchasing;
import org.stockroom.reports.DailySales;
import org.stockroom.reports.Reorder;
import org.stockroom.reports.Reports;
import org.stockroom.reports.SalesReport;
import org.stockroom.reports.SalesSeries;
import org.stockroom.reports.SalesSort;
import org.stockroom.reports.SalesTrend;
import org.stockroom.reports.SlowMovers;
import org.stockroom.reports.Valuation;
import org.stockroom.reservations.Reservations;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseOutcome;
import org.stockroom.sales.PurchaseQuery;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.sales.PurchaseReturn;
import org.stockroom.sales.Quote;
import org.stockroom.sales.Quotes;
import org.stockroom.sales.ReturnRequest;
import org.stockroom.sales.Returns;
import org.stockroom.sales.Sales;
import org.stockroom.selfcheck.SelfCheck;
import org.stockroom.selfcheck.SelfCheckReport;
import org.stockroom.settings.Settings;
import org.stockroom.stock.Adjustment;
import org.stockroom.stock.Movement;
import org.stockroom.stock.MovementQuery;
import org.stockroom.stock.Stock;
import org.stockroom.support.Page;

/**
 * The store, as the seed called it: a catalog of products that purchases take stock from, that
 * warns when a product runs low, and that reports what sold. Every face (web pages, JSON API,
 * command line) goes through here and nowhere else: the seed's operations are methods of their own,
 * and each feature with a service of its own (accounts, imports, webhooks, ...) is reached through
 * one accessor. The rules live in the features it delegates to.
 */
@Component
public class Store {

    private final Supplier<Catalog> catalog;
    private final Supplier<Sales> sales;
    private final Supplier<Stock> stock;
    private final Supplier<Alerts> alerts;
    private final Supplier<Reports> reports;
    private final Supplier<SalesTrend> trend;
    private final Supplier<Quotes> quotes;
    private final Supplier<SelfCheck> selfCheck;
    private final Supplier<Returns> returns;
    private final Supplier<Reservations> reservations;
    private final Supplier<org.stockroom.sales.Backorders> backorders;
    private final Supplier<Backups> backups;
    private final Supplier<Purchasing> purchasing;
    private final Supplier<Channels> channels;
    private final Supplier<Settings> settings;
    private final Supplier<SecondFactor> secondFactor;
    private final Supplier<Users> users;
    private final Supplier<Tokens> tokens;
    private final Supplier<Audit> audit;
    private final Supplier<LoginThrottle> signInThrottle;
    private final Supplier<Importer> importer;
    private final Supplier<CatalogExport> export;
    private final Supplier<Webhooks> webhooks;
    private final Supplier<AlertStream> alertStream;

    Store(
            ObjectProvider<Catalog> catalog,
            ObjectProvider<Sales> sales,
            ObjectProvider<Stock> stock,
            ObjectProvider<Alerts> alerts,
            ObjectProvider<Reports> reports,
            ObjectProvider<SalesTrend> trend,
            ObjectProvider<Quotes> quotes,
            ObjectProvider<SelfCheck> selfCheck,
            ObjectProvider<Returns> returns,
            ObjectProvider<Settings> settings,
            ObjectProvider<SecondFactor> secondFactor,
            ObjectProvider<Users> users,
            ObjectProvider<Tokens> tokens,
            ObjectProvider<Audit> audit,
            ObjectProvider<LoginThrottle> signInThrottle,
            ObjectProvider<Importer> importer,
            ObjectProvider<CatalogExport> export,
            ObjectProvider<Webhooks> webhooks,
            ObjectProvider<AlertStream> alertStream,
            ObjectProvider<Reservations> reservations,
            ObjectProvider<Backups> backups,
            ObjectProvider<Purchasing> purchasing,
            ObjectProvider<Channels> channels,
            ObjectProvider<org.stockroom.sales.Backorders> backorders) {
        this.catalog = once(catalog);
        this.sales = once(sales);
        this.stock = once(stock);
        this.alerts = once(alerts);
        this.reports = once(reports);
        this.trend = once(trend);
        this.quotes = once(quotes);
        this.selfCheck = once(selfCheck);
        this.returns = once(returns);
        this.settings = once(settings);
        this.secondFactor = once(secondFactor);
        this.users = once(users);
        this.tokens = once(tokens);
        this.audit = once(audit);
        this.signInThrottle = once(signInThrottle);
        this.importer = once(importer);
        this.export = once(export);
        this.webhooks = once(webhooks);
        this.alertStream = once(alertStream);
        this.reservations = once(reservations);
        this.backups = once(backups);
        this.purchasing = once(purchasing);
        this.channels = once(channels);
        this.backorders = once(backorders);
    }

    /**
     * A service is made when the store first needs it, not with the store: a command that lists
     * products opens the catalog alone, not every feature (a server makes them all at start anyway).
     */
    private static <T> Supplier<T> once(ObjectProvider<T> service) {
        return SingletonSupplier.of(service::getObject);
    }

    /** Stock held for unpaid orders and carts. */
    public Reservations reservations() {
        return reservations.get();
    }

    /** Backorders: what purchases owe because stock could not cover them; listed and cancelled here. */
    public org.stockroom.sales.Backorders backorders() {
        return backorders.get();
    }

    /** Suppliers and purchase orders. */
    public Purchasing purchasing() {
        return purchasing.get();
    }

    /** The catalog, for its operations beyond the seed's: barcodes, variants, bulk edits. */
    public Catalog catalog() {
        return catalog.get();
    }

    /** Sales channels (Shopify, WooCommerce): their orders take stock here, and available stock flows back. */
    public Channels channels() {
        return channels.get();
    }

    /** The settings people change in the UI (currency display, time zone, alert emails, import defaults). */
    public Settings settings() {
        return settings.get();
    }

    public Product addProduct(NewProduct product) {
        return catalog.get().add(product);
    }

    public Product product(String sku) {
        return catalog.get().get(sku);
    }

    public Page<Product> products(ProductQuery query) {
        return catalog.get().list(query);
    }

    public StockCounts stockCounts() {
        return catalog.get().counts();
    }

    public Product updateProduct(String sku, ProductChanges changes) {
        return catalog.get().update(sku, changes);
    }

    public Product archive(String sku) {
        return catalog.get().archive(sku);
    }

    public Product restore(String sku) {
        return catalog.get().restore(sku);
    }

    /** Buys every line or none; with an idempotency key, a retry answers the first purchase again. */
    public PurchaseOutcome purchase(PurchaseRequest request, String idempotencyKey) {
        return sales.get().purchase(request, idempotencyKey);
    }

    /** What the request would cost now, and which lines could not be bought; changes nothing. */
    public Quote quote(PurchaseRequest request) {
        return quotes.get().quote(request);
    }

    public Purchase purchase(String id) {
        return sales.get().get(id);
    }

    public Page<Purchase> purchases(PurchaseQuery query) {
        return sales.get().list(query);
    }

    /** Takes back units of a purchase: stock returns, units sold and the day's net revenue fall. All lines or none. */
    public PurchaseReturn returnUnits(String purchaseId, ReturnRequest request) {
        return returns.get().take(purchaseId, request);
    }

    public List<PurchaseReturn> returnsOf(String purchaseId) {
        return returns.get().ofPurchase(purchaseId);
    }

    /** Restocks a product from a supplier delivery. */
    @Transactional
    public Movement receive(String sku, long quantity, String note) {
        return stock.get().receive(sku, quantity, note).movement();
    }

    public Page<Movement> movements(String sku, int page, int size) {
        return stock.get().movements(sku, page, size);
    }

    /** Corrects stock with a reason, by a delta or to a counted quantity (a stocktake). */
    public Movement adjust(String sku, Adjustment adjustment) {
        return stock.get().adjust(sku, adjustment).movement();
    }

    public Page<Movement> movements(MovementQuery query) {
        return stock.get().movements(query);
    }

    /** Writes those movements as CSV (header line, text cells safe for spreadsheets). */
    public void exportMovements(LocalDate from, LocalDate to, String sku, java.io.Writer out) {
        stock.get().writeCsv(from, to, sku, out);
    }

    /** Recomputes stock, units sold and alerts from the ledger, sales, returns and thresholds; lists every disagreement. */
    public SelfCheckReport verify() {
        return selfCheck.get().run();
    }

    public Backups backups() {
        return backups.get();
    }

    public List<Alert> alerts(AlertStatus status) {
        return alerts.get().list(status);
    }

    public List<Alert> openAlerts() {
        return alerts.get().list(AlertStatus.OPEN);
    }

    public long openAlertCount() {
        return alerts.get().countOpen();
    }

    public Alert acknowledge(long alertId) {
        return alerts.get().acknowledge(alertId);
    }

    public SalesReport salesReport(LocalDate from, LocalDate to) {
        return reports.get().sales(from, to);
    }

    /** Every day from {@code from} to {@code to} (inclusive), with zero for days without sales. */
    public List<DailySales> dailySales(LocalDate from, LocalDate to) {
        return trend.get().days(from, to);
    }

    /** Sales per product in a period, net of returns, in the given order, the top {@code limit} (null: all). */
    public SalesReport salesReport(LocalDate from, LocalDate to, SalesSort sort, Integer limit) {
        return reports.get().sales(from, to, sort, limit);
    }

    /** Net sales per day with cost and margin, the whole store or one product ({@code GET /api/reports/sales/daily}). */
    public SalesSeries salesSeries(LocalDate from, LocalDate to, String sku) {
        return reports.get().daily(from, to, sku);
    }

    /** Products in stock without a sale in {@code days} days (null: the configured default), with the value tied up. */
    public SlowMovers slowMovers(Integer days) {
        return reports.get().slow(days);
    }

    public Valuation valuation() {
        return reports.get().valuation();
    }

    /** What to reorder and how much, from recent demand; overstock flagged. */
    public Reorder reorder() {
        return reports.get().reorder();
    }

    /** User accounts: add, change role or password, disable. */
    public Users users() {
        return users.get();
    }

    /** API tokens: issue, list, revoke. */
    public Tokens tokens() {
        return tokens.get();
    }

    /** The audit trail of security-relevant changes. */
    public Audit audit() {
        return audit.get();
    }

    /** The second factor of web sign-in, for the sign-in and two-factor pages. */
    public SecondFactor secondFactor() {
        return secondFactor.get();
    }

    /** Sign-in lockouts in force, for the owner to see. */
    public LoginThrottle signInThrottle() {
        return signInThrottle.get();
    }

    /** Catalog imports from CSV files (Stockroom, Shopify, WooCommerce), dry runs and undo. */
    public Importer imports() {
        return importer.get();
    }

    /** Catalog and inventory exports as CSV. */
    public CatalogExport exports() {
        return export.get();
    }

    /** Webhook endpoints and their delivery logs. */
    public Webhooks webhooks() {
        return webhooks.get();
    }

    /** Restock alert changes as they happen, for pages that show them live. */
    public AlertStream alertStream() {
        return alertStream.get();
    }
}
