/** The JSON API face (shared/API.md): translates HTTP to calls on the Store, and refusals to Problem Details. */
package org.stockroom.api;
