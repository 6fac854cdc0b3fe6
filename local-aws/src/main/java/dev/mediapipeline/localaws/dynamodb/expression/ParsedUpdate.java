package dev.mediapipeline.localaws.dynamodb.expression;

import dev.mediapipeline.localaws.dynamodb.DynamoDbException;
import dev.mediapipeline.localaws.dynamodb.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An update as a list of actions (from an UpdateExpression or legacy AttributeUpdates). */
final class ParsedUpdate implements Update {

    /**
     * SETs first, then REMOVEs, with list elements removed from the highest index down so each index
     * still means the element it meant in the original list; then ADDs and DELETEs.
     */
    private static final Comparator<UpdateAction> ORDER = Comparator.comparingInt(ParsedUpdate::rank)
            .thenComparing(a -> a instanceof UpdateAction.Remove && a.path().last() instanceof Integer ? a.path().parent().toString() : "")
            .thenComparing(a -> a instanceof UpdateAction.Remove && a.path().last() instanceof Integer i ? -i : 0);

    private final List<UpdateAction> actions;
    private final DynamoDbException mismatch;

    ParsedUpdate(List<UpdateAction> actions, DynamoDbException mismatch) {
        List<UpdateAction> ordered = new ArrayList<>(actions);
        ordered.sort(ORDER);
        this.actions = Collections.unmodifiableList(ordered);
        this.mismatch = mismatch;
    }

    @Override
    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> current = item;
        for (UpdateAction action : actions) {
            current = action.apply(item, current, mismatch);
        }
        return Collections.unmodifiableMap(current);
    }

    @Override
    public Set<String> topLevelAttributes() {
        Set<String> heads = new LinkedHashSet<>();
        actions.forEach(a -> heads.add(a.path().head()));
        return Collections.unmodifiableSet(heads);
    }

    @Override
    public Projection updatedPaths() {
        return new PathProjection(actions.stream().map(UpdateAction::path).toList());
    }

    private static int rank(UpdateAction action) {
        if (action instanceof UpdateAction.Assign) {
            return 0;
        }
        return action instanceof UpdateAction.Remove ? 1 : 2;
    }
}
