import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { allByTestId, byTestId, click, queryByTestId, settle, settleApp, typeInto } from './dom';
import { answer, nextRequest, requestsTo } from './http';

describe('web testing helpers', () => {
  describe('DOM', () => {
    let root: HTMLElement;

    beforeEach(() => {
      root = document.createElement('div');
      root.innerHTML = `
        <input data-testid="name" />
        <select data-testid="kind"><option value="a">A</option><option value="b">B</option></select>
        <button data-testid="go">Go</button>
        <li data-testid="row">1</li><li data-testid="row">2</li>`;
    });

    it('finds by test id, and fails loudly on a missing one', () => {
      expect(byTestId(root, 'go').textContent).toBe('Go');
      expect(() => byTestId(root, 'nope')).toThrow('No element with data-testid="nope"');
      expect(queryByTestId(root, 'nope')).toBeNull();
      expect(allByTestId(root, 'row').map((r) => r.textContent)).toEqual(['1', '2']);
    });

    it('clicks by test id', () => {
      const clicked = jest.fn();
      byTestId(root, 'go').addEventListener('click', clicked);
      expect(click(root, 'go')).toBe(byTestId(root, 'go'));
      expect(clicked).toHaveBeenCalledTimes(1);
    });

    it('types into an input (input, then blur) and picks a select option (change)', () => {
      const events: string[] = [];
      for (const id of ['name', 'kind']) {
        for (const type of ['input', 'change', 'blur']) {
          byTestId(root, id).addEventListener(type, () => events.push(`${id}:${type}`));
        }
      }
      typeInto(root, 'name', 'Ada');
      typeInto(root, 'kind', 'b', { blur: false });
      expect(byTestId<HTMLInputElement>(root, 'name').value).toBe('Ada');
      expect(byTestId<HTMLSelectElement>(root, 'kind').value).toBe('b');
      expect(events).toEqual(['name:input', 'name:blur', 'kind:change']);
    });

    it('settles once, or until a condition holds', async () => {
      const whenStable = jest.fn().mockResolvedValue(undefined);
      await settle({ whenStable });
      expect(whenStable).toHaveBeenCalledTimes(1);

      let rounds = 0;
      await settle({ whenStable: async () => rounds++ }, { until: () => rounds >= 3 });
      expect(rounds).toBe(3);

      rounds = 0;
      await settle({ whenStable: async () => rounds++ }, { until: () => false, maxTicks: 5 });
      expect(rounds).toBe(5);
      await settle(undefined, { until: () => true });
    });

    it('settles the whole app', async () => {
      await expect(settleApp()).resolves.toBeUndefined();
    });
  });

  describe('HTTP', () => {
    let http: HttpTestingController;
    let client: HttpClient;

    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
      http = TestBed.inject(HttpTestingController);
      client = TestBed.inject(HttpClient);
    });

    afterEach(() => http.verify());

    /** A call made after a few macrotasks, as promise-based clients do. */
    async function later<T>(call: () => Promise<T>): Promise<T> {
      await new Promise((resolve) => setTimeout(resolve));
      await new Promise((resolve) => setTimeout(resolve));
      return call();
    }

    it('waits for a request by url, or by method and path', async () => {
      const list = later(() => firstValueFrom(client.get('/api/items', { params: { page: '2' } })));
      const byPath = await nextRequest(http, 'GET', '/api/items');
      expect(byPath.request.params.get('page')).toBe('2');
      byPath.flush([1]);
      await expect(list).resolves.toEqual([1]);

      const again = later(() => firstValueFrom(client.get('/api/items?page=3')));
      (await nextRequest(http, '/api/items?page=3', { ticks: 10 })).flush([]);
      await again;
    });

    it('answers a request with a body and status, and returns it', async () => {
      const failed = later(() => firstValueFrom(client.post('/api/login', { email: 'a' }))).catch((e) => e.status);
      const request = await answer(http, '/api/login', { message: 'no' }, { status: 401, statusText: 'Unauthorized' });
      expect(request.request.body).toEqual({ email: 'a' });
      await expect(failed).resolves.toBe(401);
    });

    it('fails when there is no request, or more than expected', async () => {
      await expect(nextRequest(http, '/api/none', { ticks: 3 })).rejects.toThrow('No request to /api/none');
      client.get('/api/twice').subscribe();
      client.get('/api/twice').subscribe();
      // (Matching takes the requests off the controller, as HttpTestingController.match does.)
      await expect(nextRequest(http, 'GET', '/api/twice')).rejects.toThrow('found 2');
      client.get('/api/both').subscribe();
      client.get('/api/both').subscribe();
      (await requestsTo(http, '/api/both', 2)).forEach((r) => r.flush(null));
    });
  });
});
