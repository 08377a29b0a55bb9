package org.stockroom;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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

    private final Catalog catalog;
    private final Sales sales;
    private final Stock stock;
    private final Alerts alerts;
    private final Reports reports;
    private final SalesTrend trend;
    private final Quotes quotes;
    private final SelfCheck selfCheck;
    private final Returns returns;
    private final Reservations reservations;
    private final org.stockroom.sales.Backorders backorders;
    private final Backups backups;
    private final Purchasing purchasing;
    private final Channels channels;
    private final Settings settings;
    private final SecondFactor secondFactor;
    private final Users users;
    private final Tokens tokens;
    private final Audit audit;
    private final LoginThrottle signInThrottle;
    private final Importer importer;
    private final CatalogExport export;
    private final Webhooks webhooks;
    private final AlertStream alertStream;

    Store(
            Catalog catalog,
            Sales sales,
            Stock stock,
            Alerts alerts,
            Reports reports,
            SalesTrend trend,
            Quotes quotes,
            SelfCheck selfCheck,
            Returns returns,
            Settings settings,
            SecondFactor secondFactor,
            Users users,
            Tokens tokens,
            Audit audit,
            LoginThrottle signInThrottle,
            Importer importer,
            CatalogExport export,
            Webhooks webhooks,
            AlertStream alertStream,
            Reservations reservations,
            Backups backups,
            Purchasing purchasing,
            Channels channels,
            org.stockroom.sales.Backorders backorders) {
        this.channels = channels;
        this.backorders = backorders;
        this.reservations = reservations;
        this.backups = backups;
        this.purchasing = purchasing;
        this.alertStream = alertStream;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.signInThrottle = signInThrottle;
        this.importer = importer;
        this.export = export;
        this.webhooks = webhooks;
        this.secondFactor = secondFactor;
        this.selfCheck = selfCheck;
        this.returns = returns;
        this.settings = settings;
        this.catalog = catalog;
        this.sales = sales;
        this.stock = stock;
        this.alerts = alerts;
        this.reports = reports;
        this.trend = trend;
        this.quotes = quotes;
    }

    /** Stock held for unpaid orders and carts. */
    public Reservations reservations() {
        return reservations;
    }

    /** Backorders: what purchases owe because stock could not cover them; listed and cancelled here. */
    public org.stockroom.sales.Backorders backorders() {
        return backorders;
    }

    /** Suppliers and purchase orders. */
    public Purchasing purchasing() {
        return purchasing;
    }

    /** The catalog, for its operations beyond the seed's: barcodes, variants, bulk edits. */
    public Catalog catalog() {
        return catalog;
    }

    /** Sales channels (Shopify, WooCommerce): their orders take stock here, and available stock flows back. */
    public Channels channels() {
        return channels;
    }

    /** The settings people change in the UI (currency display, time zone, alert emails, import defaults). */
    public Settings settings() {
        return settings;
    }

    public Product addProduct(NewProduct product) {
        return catalog.add(product);
    }

    public Product product(String sku) {
        return catalog.get(sku);
    }

    public Page<Product> products(ProductQuery query) {
        return catalog.list(query);
    }

    public StockCounts stockCounts() {
        return catalog.counts();
    }

    public Product updateProduct(String sku, ProductChanges changes) {
        return catalog.update(sku, changes);
    }

    public Product archive(String sku) {
        return catalog.archive(sku);
    }

    public Product restore(String sku) {
        return catalog.restore(sku);
    }

    /** Buys every line or none; with an idempotency key, a retry answers the first purchase again. */
    public PurchaseOutcome purchase(PurchaseRequest request, String idempotencyKey) {
        return sales.purchase(request, idempotencyKey);
    }

    /** What the request would cost now, and which lines could not be bought; changes nothing. */
    public Quote quote(PurchaseRequest request) {
        return quotes.quote(request);
    }

    public Purchase purchase(String id) {
        return sales.get(id);
    }

    public Page<Purchase> purchases(PurchaseQuery query) {
        return sales.list(query);
    }

    /** Takes back units of a purchase: stock returns, units sold and the day's net revenue fall. All lines or none. */
    public PurchaseReturn returnUnits(String purchaseId, ReturnRequest request) {
        return returns.take(purchaseId, request);
    }

    public List<PurchaseReturn> returnsOf(String purchaseId) {
        return returns.ofPurchase(purchaseId);
    }

    /** Restocks a product from a supplier delivery. */
    @Transactional
    public Movement receive(String sku, long quantity, String note) {
        return stock.receive(sku, quantity, note).movement();
    }

    public Page<Movement> movements(String sku, int page, int size) {
        return stock.movements(sku, page, size);
    }

    /** Corrects stock with a reason, by a delta or to a counted quantity (a stocktake). */
    public Movement adjust(String sku, Adjustment adjustment) {
        return stock.adjust(sku, adjustment).movement();
    }

    public Page<Movement> movements(MovementQuery query) {
        return stock.movements(query);
    }

    /** Writes those movements as CSV (header line, text cells safe for spreadsheets). */
    public void exportMovements(LocalDate from, LocalDate to, String sku, java.io.Writer out) {
        stock.writeCsv(from, to, sku, out);
    }

    /** Recomputes stock, units sold and alerts from the ledger, sales, returns and thresholds; lists every disagreement. */
    public SelfCheckReport verify() {
        return selfCheck.run();
    }

    public Backups backups() {
        return backups;
    }

    public List<Alert> alerts(AlertStatus status) {
        return alerts.list(status);
    }

    public List<Alert> openAlerts() {
        return alerts.list(AlertStatus.OPEN);
    }

    public long openAlertCount() {
        return alerts.countOpen();
    }

    public Alert acknowledge(long alertId) {
        return alerts.acknowledge(alertId);
    }

    public SalesReport salesReport(LocalDate from, LocalDate to) {
        return reports.sales(from, to);
    }

    /** Every day from {@code from} to {@code to} (inclusive), with zero for days without sales. */
    public List<DailySales> dailySales(LocalDate from, LocalDate to) {
        return trend.days(from, to);
    }

    /** Sales per product in a period, net of returns, in the given order, the top {@code limit} (null: all). */
    public SalesReport salesReport(LocalDate from, LocalDate to, SalesSort sort, Integer limit) {
        return reports.sales(from, to, sort, limit);
    }

    /** Net sales per day with cost and margin, the whole store or one product ({@code GET /api/reports/sales/daily}). */
    public SalesSeries salesSeries(LocalDate from, LocalDate to, String sku) {
        return reports.daily(from, to, sku);
    }

    /** Products in stock without a sale in {@code days} days (null: the configured default), with the value tied up. */
    public SlowMovers slowMovers(Integer days) {
        return reports.slow(days);
    }

    public Valuation valuation() {
        return reports.valuation();
    }

    /** What to reorder and how much, from recent demand; overstock flagged. */
    public Reorder reorder() {
        return reports.reorder();
    }

    /** User accounts: add, change role or password, disable. */
    public Users users() {
        return users;
    }

    /** API tokens: issue, list, revoke. */
    public Tokens tokens() {
        return tokens;
    }

    /** The audit trail of security-relevant changes. */
    public Audit audit() {
        return audit;
    }

    /** The second factor of web sign-in, for the sign-in and two-factor pages. */
    public SecondFactor secondFactor() {
        return secondFactor;
    }

    /** Sign-in lockouts in force, for the owner to see. */
    public LoginThrottle signInThrottle() {
        return signInThrottle;
    }

    /** Catalog imports from CSV files (Stockroom, Shopify, WooCommerce), dry runs and undo. */
    public Importer imports() {
        return importer;
    }

    /** Catalog and inventory exports as CSV. */
    public CatalogExport exports() {
        return export;
    }

    /** Webhook endpoints and their delivery logs. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Restock alert changes as they happen, for pages that show them live. */
    public AlertStream alertStream() {
        return alertStream;
    }
}
