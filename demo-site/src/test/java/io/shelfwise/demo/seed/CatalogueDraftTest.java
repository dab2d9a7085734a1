package io.shelfwise.demo.seed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueDraftTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country\n";

    private static RetailTransactions read(String rows) throws IOException {
        return RetailTransactions.read(new StringReader(HEADER + rows), "test");
    }

    @Test
    void priceIsTheMedianOfRealSalesOnly() throws IOException {
        RetailTransactions rows = read(""
                + "1,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2.55,17850,United Kingdom\n"
                + "2,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2.95,17850,United Kingdom\n"
                + "3,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,3.25,,United Kingdom\n"
                + "C4,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-6,99.00,17850,United Kingdom\n"
                + "5,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,0.00,17850,United Kingdom\n"
                + "6,POST,POSTAGE,1,18.00,12583,France\n");

        CatalogueDraft draft = CatalogueDraft.of(rows, ProductCategories.standard());

        assertThat(draft.products()).hasSize(1);
        CatalogueDraft.ProductDraft heart = draft.products().get(0);
        assertThat(heart.price()).isEqualByComparingTo("2.95");
        assertThat(heart.name()).isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(heart.category()).isEqualTo("Candles & Lighting");
        assertThat(heart.unitsSold()).isEqualTo(18);
        assertThat(draft.invoices()).extracting(CatalogueDraft.InvoiceDraft::invoiceNo).containsExactly("1", "2", "3");
        assertThat(draft.invoices().get(2).customerId()).isNull();
        assertThat(draft.customerCountries()).containsOnlyKeys("17850");
        assertThat(draft.categories()).containsExactly("Candles & Lighting");
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddleTwo() {
        assertThat(CatalogueDraft.median(Arrays.asList(new BigDecimal("1.00"), new BigDecimal("2.00"),
                new BigDecimal("4.00"), new BigDecimal("9.00")))).isEqualByComparingTo("3.00");
    }

    @Test
    void mostFrequentDescriptionNamesTheProduct() throws IOException {
        RetailTransactions rows = read(""
                + "1,22111,SCOTTIE DOG HOT WATER BOTTLE,3,4.95,1,United Kingdom\n"
                + "2,22111,SCOTTIE DOGS HOT WATER BOTTLE,3,4.95,1,United Kingdom\n"
                + "3,22111,SCOTTIE DOG HOT WATER BOTTLE,3,4.95,1,United Kingdom\n");

        assertThat(CatalogueDraft.of(rows, ProductCategories.standard()).products().get(0).name())
                .isEqualTo("Scottie Dog Hot Water Bottle");
    }

    @Test
    void brokenRowsAreSkippedAndCounted() throws IOException {
        RetailTransactions rows = read(""
                + "1,22111,SCOTTIE DOG HOT WATER BOTTLE,lots,4.95,1,United Kingdom\n"
                + "2,22111\n"
                + "3,22111,SCOTTIE DOG HOT WATER BOTTLE,3,4.95,1,United Kingdom\n");

        assertThat(rows.lines()).hasSize(1);
        assertThat(rows.rejectedRows()).isEqualTo(2);
    }

    @Test
    void aFileWithTheWrongHeaderIsRejectedWithTheColumnsItNeeds() {
        assertThatThrownBy(() -> RetailTransactions.read(new StringReader("a,b,c\n1,2,3\n"), "bad.csv"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("InvoiceNo,StockCode,Quantity,UnitPrice");
    }

    @Test
    void displayNamesKeepSmallWordsLowerCase() {
        assertThat(CatalogueDraft.displayName("SET OF 3 CAKE TINS PANTRY DESIGN"))
                .isEqualTo("Set of 3 Cake Tins Pantry Design");
        assertThat(CatalogueDraft.displayName("POPPY'S PLAYHOUSE BEDROOM "))
                .isEqualTo("Poppy's Playhouse Bedroom");
    }
}
