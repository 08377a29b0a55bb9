/** What every feature shares: refusals, money columns, settings, paging, who is acting. */
package org.stockroom.support;
