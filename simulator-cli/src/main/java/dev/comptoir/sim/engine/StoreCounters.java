package dev.comptoir.sim.engine;

import java.util.Map;

/** Figures of the store side (POS, restocks, transfers, deliveries, reports), the same for both backends. */
class StoreCounters {
    long posSales;
    long posSalesRefused;
    long posReturns;
    long restocksFulfilled;
    long restocksRefused;
    long transfers;
    long transfersRefused;
    long supplierDeliveries;
    long reports;
    long lastReportUnits;
    long expiredReservations;

    /** Puts the figures into {@code m} in the order the reports show them. */
    void putInto(Map<String, Long> m) {
        m.put("posSales", posSales);
        m.put("posSalesRefused", posSalesRefused);
        m.put("posReturns", posReturns);
        m.put("restocksFulfilled", restocksFulfilled);
        m.put("restocksRefused", restocksRefused);
        m.put("transfers", transfers);
        m.put("transfersRefused", transfersRefused);
        m.put("supplierDeliveries", supplierDeliveries);
        m.put("headOfficeReports", reports);
        m.put("expiredReservations", expiredReservations);
    }
}
