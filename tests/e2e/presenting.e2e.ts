import { expect, test } from './fixtures.js';

test('clicker keys: next, previous, Home/End, number then Enter, black and white screen, Esc', async ({
  doctor,
  patient,
}) => {
  const deck = (await doctor.value('decks.get', { id: 'osteoporosis', language: 'en' })).slides;
  const ids = deck.map((s) => s.id);
  await doctor.startPresenting();
  await patient.expectSlide(ids[0] ?? '');
  // Step over builds with the different "next" keys.
  const nextKeys = ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'n', 'N'];
  let expectedIndex = 0;
  let fragment = 0;
  for (const key of nextKeys) {
    await doctor.press(key);
    const slide = deck[expectedIndex];
    if (slide && fragment < slide.fragments) fragment += 1;
    else {
      expectedIndex += 1;
      fragment = 0;
    }
  }
  await patient.expectSlide(ids[expectedIndex] ?? '');
  await doctor.press('End');
  await patient.expectSlide(ids.at(-1) ?? '');
  await expect(doctor.nextStep).toContainText(/Next|End of the playlist/);
  await doctor.press('Home');
  await patient.expectSlide(ids[0] ?? '');
  await doctor.press('3');
  await doctor.press('Enter');
  await patient.expectSlide(ids[2] ?? '');
  for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P']) {
    await doctor.press('3');
    await doctor.press('Enter');
    await doctor.press(key);
    const slide = deck[1];
    // Back from slide 3 lands on the last build of slide 2.
    await patient.expectSlide(ids[1] ?? '');
    expect(slide).toBeTruthy();
  }
  // B/W toggle from what the console shows: wait until the console shows each change too, as a doctor would.
  for (const key of ['b', '.']) {
    await doctor.press(key);
    await expect(patient.page.getByTestId('blank')).toHaveAttribute('data-blank', 'black');
    await expect(doctor.patientSees).toHaveText('Black screen');
    await doctor.press(key);
    await expect(patient.page.getByTestId('blank')).toHaveCount(0);
    await expect(doctor.patientSees).not.toHaveText('Black screen');
  }
  for (const key of ['w', ',']) {
    await doctor.press(key);
    await expect(patient.page.getByTestId('blank')).toHaveAttribute('data-blank', 'white');
    await expect(doctor.patientSees).toHaveText('White screen');
    await doctor.press(key);
    await expect(patient.page.getByTestId('blank')).toHaveCount(0);
    await expect(doctor.patientSees).not.toHaveText('White screen');
  }
  await doctor.page
    .getByRole('button', { name: /Preview slide 4/ })
    .first()
    .click();
  await expect(doctor.page.getByText('Preview only')).toBeVisible();
  await patient.expectSlide(ids[1] ?? '');
  await doctor.press('Escape');
  await expect(doctor.page.getByText('Preview only')).toHaveCount(0);
  await doctor.page
    .getByRole('button', { name: /Preview slide 4/ })
    .first()
    .click();
  await doctor.page.getByRole('button', { name: 'Show to patient' }).click();
  await patient.expectSlide(ids[3] ?? '');
});

test('keys do nothing while typing in a text field', async ({ doctor, patient }) => {
  await doctor.startPresenting();
  const first = await patient.currentSlide.getAttribute('data-slide-id');
  await doctor.page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'scratch');
    document.body.append(input);
    input.focus();
  });
  await doctor.press('ArrowRight');
  await doctor.press('b');
  await doctor.page.waitForTimeout(300);
  await expect(patient.currentSlide).toHaveAttribute('data-slide-id', first ?? '');
  await expect(patient.page.getByTestId('blank')).toHaveCount(0);
});

test('switching language keeps the slide; a reloaded patient screen resumes', async ({ doctor, patient }) => {
  await doctor.startPresenting();
  await doctor.call('presentation.goto', { deckId: 'vertebral-fracture', slideIndex: 2 });
  const deck = (await doctor.value('decks.get', { id: 'vertebral-fracture', language: 'en' })).slides;
  const slideId = deck[2]?.id ?? '';
  await patient.expectSlide(slideId);
  const english = await patient.currentSlide.innerText();
  await doctor.page.getByLabel('Patient language').selectOption('fr');
  await expect(patient.currentSlide).not.toHaveText(english);
  await patient.expectSlide(slideId);
  await expect(patient.currentSlide).toContainText(/vertèbre|vertébral/i);
  await doctor.page.getByLabel('Patient language').selectOption('de');
  await expect(patient.currentSlide).toContainText(/Wirbel/);
  await patient.expectSlide(slideId);
  await patient.page.reload();
  await patient.expectSlide(slideId);
  await expect(patient.currentSlide).toContainText(/Wirbel/);
  await expect(patient.page.locator('html')).not.toHaveText(/Notes|Source:/);
});

test('a drawn stroke appears on the patient screen at the same place on the slide', async ({ doctor, patient }) => {
  await doctor.startPresenting();
  await doctor.page.getByRole('button', { name: 'Pen', exact: true }).click();
  const live = doctor.page.getByRole('img', { name: 'Live slide' });
  const box = await live.boundingBox();
  if (!box) throw new Error('no live slide');
  await doctor.page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
  await doctor.page.mouse.down();
  await doctor.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await doctor.page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.6, { steps: 5 });
  await doctor.page.mouse.up();
  const stroke = patient.page.locator('[data-testid="marks"] path');
  await expect(stroke).toHaveCount(1);
  // Compare the stroke's start with the patient's slide box: same relative place.
  const relative = await patient.page.evaluate(() => {
    const svg = document.querySelector('[data-testid="marks"]') as SVGSVGElement;
    const path = svg.querySelector('path') as SVGPathElement;
    const start = path.getPointAtLength(0);
    const matrix = path.getScreenCTM();
    const rect = svg.getBoundingClientRect();
    if (!matrix) return null;
    const x = start.x * matrix.a + matrix.e;
    const y = start.y * matrix.d + matrix.f;
    return [(x - rect.left) / rect.width, (y - rect.top) / rect.height];
  });
  expect(relative?.[0]).toBeCloseTo(0.25, 1);
  expect(relative?.[1]).toBeCloseTo(0.5, 1);
  // Marks belong to their slide: gone on the next slide, back when it returns.
  await doctor.call('presentation.goto', { deckId: 'osteoporosis', slideIndex: 1 });
  await expect(stroke).toHaveCount(0);
  await doctor.call('presentation.goto', { deckId: 'osteoporosis', slideIndex: 0 });
  await expect(stroke).toHaveCount(1);
  await doctor.page.getByRole('button', { name: 'Clear all marks' }).click();
  await expect(stroke).toHaveCount(0);
});

test('the patient sees a stroke while it is drawn and the laser dot as it moves, before the pen lifts', async ({
  doctor,
  patient,
}) => {
  await doctor.startPresenting();
  const live = doctor.page.getByRole('img', { name: 'Live slide' });
  const box = await live.boundingBox();
  if (!box) throw new Error('no live slide');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await doctor.page.getByRole('button', { name: 'Pen', exact: true }).click();
  await doctor.page.mouse.move(...at(0.2, 0.3));
  await doctor.page.mouse.down();
  await doctor.page.mouse.move(...at(0.4, 0.3), { steps: 4 });
  // The pen is still down: the stroke so far is already on the patient screen.
  const drawing = patient.page.getByTestId('live-stroke');
  await expect(drawing).toHaveCount(1);
  const lengthSoFar = () => drawing.evaluate((path) => (path as SVGPathElement).getTotalLength());
  const first = await lengthSoFar();
  await doctor.page.mouse.move(...at(0.6, 0.5), { steps: 4 });
  await expect.poll(lengthSoFar).toBeGreaterThan(first);
  await doctor.page.mouse.up();
  // Lifted: the stroke is kept as a mark of the slide, and nothing is left "being drawn".
  await expect(patient.page.locator('[data-testid="marks"] path[data-colour]')).toHaveCount(1);
  await expect(drawing).toHaveCount(0);

  await doctor.page.getByRole('button', { name: 'Laser pointer', exact: true }).click();
  const dot = patient.page.getByTestId('laser');
  for (const x of [0.3, 0.5, 0.7]) {
    await doctor.page.mouse.move(...at(x, 0.4));
    await expect.poll(() => dot.evaluate((circle) => Number(circle.getAttribute('cx')) / 1000)).toBeCloseTo(x, 1);
  }
  await doctor.page.mouse.move(box.x - 20, box.y - 20);
  await expect(dot).toHaveCount(0);
});
