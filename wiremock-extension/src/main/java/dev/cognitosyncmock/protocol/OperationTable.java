package dev.cognitosyncmock.protocol;

import dev.cognitosyncmock.engine.SyncEngine;
import dev.cognitosyncmock.schemas.OperationModel;
import dev.cognitosyncmock.schemas.ServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where the 17 operations are wired: operation name to handler. Method, URI,
 * bindings, schemas and error statuses all come from the model; this table only says who serves
 * each operation.
 */
final class OperationTable {
  private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();

  OperationTable(ServiceModel model, SyncEngine engine) {
    DatasetOperations datasets = new DatasetOperations(engine);
    PoolOperations pools = new PoolOperations(engine);
    handlers.put("ListRecords", datasets::listRecords);
    handlers.put("UpdateRecords", datasets::updateRecords);
    handlers.put("DescribeDataset", datasets::describeDataset);
    handlers.put("DeleteDataset", datasets::deleteDataset);
    handlers.put("ListDatasets", datasets::listDatasets);
    handlers.put("DescribeIdentityUsage", datasets::describeIdentityUsage);
    handlers.put("DescribeIdentityPoolUsage", pools::describeIdentityPoolUsage);
    handlers.put("ListIdentityPoolUsage", pools::listIdentityPoolUsage);
    handlers.put("GetIdentityPoolConfiguration", pools::getIdentityPoolConfiguration);
    handlers.put("SetIdentityPoolConfiguration", pools::setIdentityPoolConfiguration);
    handlers.put("GetCognitoEvents", pools::getCognitoEvents);
    handlers.put("SetCognitoEvents", pools::setCognitoEvents);
    handlers.put("RegisterDevice", pools::registerDevice);
    handlers.put("SubscribeToDataset", pools::subscribeToDataset);
    handlers.put("UnsubscribeFromDataset", pools::unsubscribeFromDataset);
    handlers.put("BulkPublish", pools::bulkPublish);
    handlers.put("GetBulkPublishDetails", pools::getBulkPublishDetails);

    Set<String> modeled = new TreeSet<>();
    for (OperationModel op : model.operations()) {
      modeled.add(op.name());
    }
    if (!modeled.equals(new TreeSet<>(handlers.keySet()))) {
      throw new IllegalStateException(
          "Operation table "
              + handlers.keySet()
              + " does not match the model's operations "
              + modeled);
    }
  }

  OperationHandler handler(String operation) {
    return handlers.get(operation);
  }
}
