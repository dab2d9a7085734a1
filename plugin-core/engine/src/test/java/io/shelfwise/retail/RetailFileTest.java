package io.shelfwise.retail;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetailFileTest {

    private static final String DATED =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    private final List<RetailRow> rows = new ArrayList<>();

    private RetailFile.Summary read(String content) throws IOException {
        return RetailFile.read(new StringReader(content), "t.csv", rows::add);
    }

    @Test
    void readsTheDatedFileWithEveryColumn() throws IOException {
        RetailFile.Summary summary = read(DATED
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01T08:26,2.55,17850.0,United Kingdom\n");
        assertThat(summary.dated()).isTrue();
        assertThat(summary.rows()).isEqualTo(1);
        RetailRow row = rows.get(0);
        assertThat(row.invoiceNo()).isEqualTo("536365");
        assertThat(row.stockCode()).isEqualTo("85123A");
        assertThat(row.description()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(row.quantity()).isEqualTo(6);
        assertThat(row.unitPrice()).isEqualByComparingTo("2.55");
        assertThat(row.customerId()).isEqualTo("17850");
        assertThat(row.country()).isEqualTo("United Kingdom");
        assertThat(row.invoiceDate()).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(row.isRealSale()).isTrue();
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndOptionalOnesMayBeMissing() throws IOException {
        RetailFile.Summary summary = read(" unitprice ,QUANTITY,stockcode,invoiceno,extra\n1.25,3,22111,9,x\n");
        assertThat(summary.dated()).isFalse();
        RetailRow row = rows.get(0);
        assertThat(row.stockCode()).isEqualTo("22111");
        assertThat(row.quantity()).isEqualTo(3);
        assertThat(row.description()).isEmpty();
        assertThat(row.customerId()).isNull();
        assertThat(row.invoiceDate()).isNull();
    }

    @Test
    void oneRuleSaysWhyARowIsNotASale() throws IOException {
        read(DATED
                + "1,POST,POSTAGE,1,2010-12-01T08:26,18.00,1,France\n"
                + "2,22111,BOTTLE,3,2010-12-01T08:26,4.95,1,UK\n"
                + "2,22111,BOTTLE,3,2010-12-01T08:26,4.95,1,UK\n"
                + "C3,22111,BOTTLE,-3,2010-12-01T08:26,4.95,1,UK\n"
                + "4,22111,BOTTLE,-1,2010-12-01T08:26,4.95,1,UK\n"
                + "5,22111,BOTTLE,1,2010-12-01T08:26,0,1,UK\n"
                + "6,22111,BOTTLE,1,2010-12-01T08:26,-11062.06,,UK\n"
                + "7,22111,BOTTLE,3,2010-12-01T08:27,4.95,1,UK\n");
        assertThat(rows).extracting(RetailRow::whyNotASale).containsExactly(
                null, null, RetailRow.NotASale.REPEAT, RetailRow.NotASale.CANCELLATION,
                RetailRow.NotASale.NON_POSITIVE_QUANTITY, RetailRow.NotASale.NON_POSITIVE_PRICE,
                RetailRow.NotASale.NON_POSITIVE_PRICE, null);
        assertThat(rows).extracting(RetailRow::isProductSale)
                .containsExactly(false, true, false, false, false, false, false, true);
    }

    @Test
    void unreadableRowsAreSkippedAndCountedWithTheirLine() throws IOException {
        RetailFile.Summary summary = read(DATED
                + "1,22111,BOTTLE,lots,2010-12-01T08:26,4.95,1,UK\n"
                + "2,22111,BOTTLE,1.5,2010-12-01T08:26,4.95,1,UK\n"
                + "3,22111,BOTTLE,1,2010-12-01T08:26,NaN,1,UK\n"
                + "4,22111,BOTTLE,1,2010-12-01T08:26,1e400,1,UK\n"
                + "5,22111,BOTTLE,1,1/12/2010 08:26,4.95,1,UK\n"
                + ",22111,BOTTLE,1,2010-12-01T08:26,4.95,1,UK\n"
                + "7,,BOTTLE,1,2010-12-01T08:26,4.95,1,UK\n"
                + "8,22111\n"
                + "9,22111,BOTTLE,2.0,2010-12-01T08:26,4.95,1,UK\n");
        assertThat(summary.rows()).isEqualTo(9);
        assertThat(summary.unreadable()).isEqualTo(8);
        assertThat(rows).singleElement().extracting(RetailRow::quantity).isEqualTo(2);
        assertThat(summary.problems()).hasSize(8);
        assertThat(summary.problems().get(0)).isEqualTo("line 2: Quantity is not a whole number: 'lots'");
        assertThat(summary.problems().get(4)).startsWith("line 6: InvoiceDate is not an ISO local time");
        assertThat(summary.problems().get(7)).isEqualTo("line 9: 8 columns expected, found 2");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedWithWhatItNeeds() {
        assertThatThrownBy(() -> read("InvoiceNo,StockCode,Description,Quantity\n1,100,MUG,1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv has no column UnitPrice")
                .hasMessageContaining("InvoiceNo,StockCode,Quantity,UnitPrice");
    }

    @Test
    void brokenQuotingIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> read(DATED + "1,22111,\"BOTTLE,1,2010-12-01T08:26,4.95,1,UK\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read t.csv as CSV");
    }
}
