/** The in-browser mock adapter, with a simulator the test drives. */
import { BorderSimulator } from '../../simulator/borderSimulator';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { createMockDataSource } from './createMockDataSource';

describeDataSourceContract('mock (in-process simulator)', async (): Promise<ContractHarness> => {
  const region = loadTestRegion();
  const simulator = new BorderSimulator({ seed: 11, region, start: Date.parse('2026-11-23T02:00:00Z') });
  const source = createMockDataSource({ type: 'mock', id: 'contract-mock', seed: 11, speed: 1 }, region, { simulator });
  return {
    source,
    async produceChanges() {
      simulator.advanceTo(simulator.now + 20 * 60_000);
    },
    async truth() {
      return new Map(simulator.snapshot().records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));
    },
    async close() {
      source.close();
    },
  };
});
