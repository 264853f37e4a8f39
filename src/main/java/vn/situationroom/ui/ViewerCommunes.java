package vn.situationroom.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.provider.HasListDataView;
import java.util.List;
import java.util.Set;
import vn.situationroom.region.Commune;
import vn.situationroom.region.Region;
import vn.situationroom.security.Viewer;

/**
 * The communes the signed-in officer may pick: every commune of the region, or only their own for a commune's
 * officer, whose commune pickers are then set to it and locked. The queries enforce the same limit themselves.
 */
public final class ViewerCommunes {

    private ViewerCommunes() {}

    /** The communes the current viewer sees. */
    public static List<Commune> of(Region region) {
        Viewer viewer = Viewer.current();
        return region.communes().stream().filter(c -> viewer.canSee(c.code())).toList();
    }

    /** Gives a single-commune picker the viewer's communes; a commune's officer gets theirs, fixed. */
    public static <P extends AbstractField<?, Commune> & HasListDataView<Commune, ?>> void limit(
            P picker, Region region) {
        List<Commune> communes = of(region);
        picker.setItems(communes);
        if (Viewer.current().limitedToCommune()) {
            picker.setValue(communes.getFirst());
            picker.setReadOnly(true);
        }
    }

    /** Gives a many-commune picker the viewer's communes; a commune's officer gets theirs, fixed. */
    public static <P extends HasValue<?, Set<Commune>> & HasListDataView<Commune, ?>> void limitMany(
            P picker, Region region) {
        List<Commune> communes = of(region);
        picker.setItems(communes);
        if (Viewer.current().limitedToCommune()) {
            picker.setValue(Set.copyOf(communes));
            picker.setReadOnly(true);
        }
    }
}
