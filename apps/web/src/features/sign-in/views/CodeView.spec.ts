import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../../testing/fake-server';
import { mountWithApp, settle } from '../../../testing/mount';
import { useSignInStore } from '../sign-in.store';
import CodeView from './CodeView.vue';

describe('CodeView', () => {
  afterEach(() => vi.unstubAllGlobals());

  const mountWithChallenge = () =>
    mountWithApp(CodeView, {}, () => {
      const signIn = useSignInStore();
      signIn.challengeToken = 'ch';
      signIn.username = 'helena';
    });

  it('shows the clock hint the server gives for a wrong code, and empties the field', async () => {
    const server = fakeServer().on('POST', '/api/v1/auth/totp/verify', {
      status: 401,
      body: {
        status: 401,
        detail: 'Código de autenticação inválido. Confira se a data e a hora do celular estão corretas',
      },
    });
    const { wrapper } = await mountWithChallenge();
    await wrapper.find('#code').setValue('000000');
    await wrapper.find('#trust-device').setValue(true);
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(server.calls[0].body).toEqual({ challengeToken: 'ch', code: '000000', trustDevice: true });
    expect(wrapper.find('[role="alert"]').text()).toContain('Confira se a data e a hora do celular estão corretas');
    expect((wrapper.find('#code').element as HTMLInputElement).value).toBe('');
  });

  it('takes a recovery code instead, and asks for the disable link by username', async () => {
    const server = fakeServer()
      .on('POST', '/api/v1/auth/totp/verify', { status: 401, body: { status: 401, detail: 'Código inválido.' } })
      .on('POST', '/api/v1/auth/totp/disable-request', { status: 202 });
    const { wrapper } = await mountWithChallenge();
    const button = (label: string) => wrapper.findAll('button').find((b) => b.text() === label)!;
    await button('Usar um código de recuperação').trigger('click');
    expect(wrapper.find('label[for="code"]').text()).toBe('Código de recuperação');
    await wrapper.find('#code').setValue('abcd-efgh');
    await wrapper.find('form').trigger('submit');
    await settle();
    await button('Desativar 2FA').trigger('click');
    await settle();
    expect(server.calls.map((c) => c.body)).toEqual([
      { challengeToken: 'ch', recoveryCode: 'abcd-efgh', trustDevice: false },
      { username: 'helena' },
    ]);
    expect(wrapper.find('[role="status"]').text()).toContain('enviamos ao e-mail cadastrado');
  });
});
