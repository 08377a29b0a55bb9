-- Returns of products sold without a known cost were stored with a unit cost of 0 rather than
-- unknown, so reports counted those units at a known cost of zero. The purchase line they came
-- from says whether the cost was known.
UPDATE purchase_return_line SET unit_cost = NULL
WHERE unit_cost = 0
  AND EXISTS (SELECT 1 FROM purchase_return r JOIN purchase_line l ON l.purchase_id = r.purchase_id
              WHERE r.id = purchase_return_line.return_id AND l.sku = purchase_return_line.sku AND l.unit_cost IS NULL);

-- The rollups had those units too, and a rebuild before this version dropped every return from
-- them: the next start rebuilds them from the purchases and returns (reports.SalesRollup).
UPDATE sales_rollup_state SET zone = '';
