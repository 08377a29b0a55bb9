package org.stockroom.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalog imports and exports ({@code stockroom.imports.*}).
 *
 * @param shopifyLocation the location named in Shopify inventory exports (the API's; the CLI takes
 *     {@code --location})
 */
@ConfigurationProperties("stockroom.imports")
record ImportProperties(@DefaultValue("Shop location") String shopifyLocation) {}
